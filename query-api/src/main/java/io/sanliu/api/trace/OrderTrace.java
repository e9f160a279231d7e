package io.sanliu.api.trace;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.alerts.AlertLifecycle;
import io.sanliu.api.alerts.AlertView;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.DocumentKeys;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * One order's trace (源头可溯、去向可查), gathered from the indices the jobs keep: its archived documents
 * (the order's own, then those its documents name: the waybill and its tracking, receipts that name
 * only their list or payment), the three-document match, the shipments with their timelines, the
 * customs statuses from the receipts, and the alerts about the order or its waybills with their
 * review status.
 */
final class OrderTrace {
  /** More documents than one parcel ever has; a trace is not a listing. */
  static final int MAX_DOCUMENTS = 500;

  static final int MAX_ALERTS = 200;

  /** Customs statuses of lists (DOMAIN.md §3), for readers who do not know the codes. */
  static final Map<String, String> LIST_STATUSES =
      Map.of(
          "100", "returned (退单)",
          "120", "accepted into the warehouse (入库)",
          "399", "concluded (审结)",
          "500", "inspection (查验)",
          "800", "released (放行)",
          "899", "closed (结关)");

  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;

  OrderTrace(ElasticsearchAsyncClient client, ElasticCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  /** The trace, or empty when the platform knows nothing of the order. */
  Future<Optional<ObjectNode>> find(String ebpCode, String orderNo, Role role) {
    String orderKey = DocumentKeys.order(ebpCode, orderNo);
    return documents(Set.of(orderKey))
        .compose(
            own -> {
              Set<String> named = new LinkedHashSet<>();
              for (ObjectNode d : own) d.path("keys").forEach(k -> named.add(k.asText()));
              named.remove(orderKey);
              Future<List<ObjectNode>> linked =
                  named.isEmpty() ? Future.succeededFuture(List.of()) : documents(named);
              return linked.map(more -> merged(own, more));
            })
        .compose(
            docs -> {
              Set<String> waybills = new LinkedHashSet<>();
              for (ObjectNode d : docs) {
                if (d.hasNonNull("logisticsCode") && d.hasNonNull("logisticsNo")) {
                  waybills.add(
                      DocumentKeys.waybill(
                          d.get("logisticsCode").asText(), d.get("logisticsNo").asText()));
                }
              }
              Future<Optional<ObjectNode>> match = match(orderKey);
              Future<List<ObjectNode>> shipments = shipments(orderKey, waybills);
              Future<List<ObjectNode>> alerts = alerts(orderKey, waybills, role);
              return Future.all(match, shipments, alerts)
                  .map(
                      all -> {
                        if (docs.isEmpty()
                            && match.result().isEmpty()
                            && shipments.result().isEmpty()
                            && alerts.result().isEmpty()) {
                          return Optional.<ObjectNode>empty();
                        }
                        return Optional.of(
                            render(
                                ebpCode,
                                orderNo,
                                docs,
                                match.result().orElse(null),
                                shipments.result(),
                                alerts.result(),
                                role));
                      });
            });
  }

  private static ObjectNode render(
      String ebpCode,
      String orderNo,
      List<ObjectNode> docs,
      ObjectNode match,
      List<ObjectNode> shipments,
      List<ObjectNode> alerts,
      Role role) {
    boolean hide = !role.seesPersonalData();
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("ebpCode", ebpCode);
    out.put("orderNo", orderNo);
    out.put("orderKey", DocumentKeys.order(ebpCode, orderNo));
    Map<String, Integer> counts = new TreeMap<>();
    ArrayNode documents = out.putArray("documents");
    ArrayNode statuses = Json.mapper().createArrayNode();
    for (ObjectNode d : docs) {
      counts.merge(d.path("type").asText(), 1, Integer::sum);
      if (hide) PersonalDocuments.hideDocument(d);
      documents.add(d);
      if ("CUSTOMS_RECEIPT".equals(d.path("type").asText())) statuses.add(customsStatus(d));
    }
    out.putPOJO("documentCounts", counts);
    if (match == null) out.putNull("matching");
    else {
      if (hide) PersonalDocuments.hideMatch(match);
      out.set("matching", match);
    }
    out.putArray("shipments").addAll(shipments);
    out.set("customsStatuses", statuses);
    out.putArray("alerts").addAll(alerts);
    if (hide) out.put("personalDataHidden", true);
    return out;
  }

  private static ObjectNode customsStatus(ObjectNode receipt) {
    JsonNode body = receipt.path("body");
    ObjectNode s = Json.mapper().createObjectNode();
    String kind = body.path("kind").asText(null);
    String status = receipt.path("status").asText(null);
    s.put("kind", kind);
    s.put("status", status);
    if ("CUSTOMS_LIST".equals(kind) && LIST_STATUSES.containsKey(status)) {
      s.put("meaning", LIST_STATUSES.get(status));
    }
    s.put("at", receipt.path("documentTime").asText(null));
    s.put("info", body.path("returnInfo").asText(null));
    s.put("documentId", receipt.path("id").asText());
    return s;
  }

  private static List<ObjectNode> merged(List<ObjectNode> own, List<ObjectNode> more) {
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    for (ObjectNode d : own) byId.put(d.path("id").asText(), d);
    for (ObjectNode d : more) byId.putIfAbsent(d.path("id").asText(), d);
    List<ObjectNode> all = new ArrayList<>(byId.values());
    // Documents in the order things happened; ties by id, so the answer is stable.
    all.sort(
        Comparator.comparing((ObjectNode d) -> d.path("documentTime").asText(""))
            .thenComparing(d -> d.path("id").asText()));
    return all;
  }

  private Future<List<ObjectNode>> documents(Collection<String> keys) {
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(
                                f ->
                                    f.terms(t -> t.field("keys").terms(v -> v.value(values(keys)))))
                            // Filings are the enterprise's, not the parcel's.
                            .mustNot(
                                m ->
                                    m.terms(
                                        t ->
                                            t.field("type")
                                                .terms(
                                                    v ->
                                                        v.value(
                                                            values(
                                                                List.of(
                                                                    "ENTERPRISE_FILING",
                                                                    "GOODS_FILING"))))))));
    return search(Indices.DOCUMENTS, query, MAX_DOCUMENTS, "documentTime");
  }

  private Future<Optional<ObjectNode>> match(String orderKey) {
    return calls
        .call(
            Indices.MATCHES + ".get",
            () ->
                client
                    .get(g -> g.index(Indices.MATCHES).id(orderKey), ObjectNode.class)
                    // No match index yet: no match result.
                    .exceptionallyCompose(
                        e ->
                            ElasticCalls.status(e) == 404
                                ? CompletableFuture.completedFuture(null)
                                : CompletableFuture.failedFuture(e)))
        .map(r -> r == null || !r.found() ? Optional.empty() : Optional.of(r.source()));
  }

  private Future<List<ObjectNode>> shipments(String orderKey, Set<String> waybills) {
    Query query =
        Query.of(
            q ->
                q.bool(
                    b -> {
                      b.should(s -> s.term(t -> t.field("orderKey").value(orderKey)));
                      if (!waybills.isEmpty()) {
                        b.should(
                            s ->
                                s.terms(
                                    t ->
                                        t.field("waybillKey")
                                            .terms(v -> v.value(values(waybills)))));
                      }
                      return b.minimumShouldMatch("1");
                    }));
    return search(Indices.SHIPMENTS, query, 50, "firstEventAt");
  }

  private Future<List<ObjectNode>> alerts(String orderKey, Set<String> waybills, Role role) {
    Query query =
        Query.of(
            q ->
                q.bool(
                    b -> {
                      b.should(s -> s.term(t -> t.field("orderKeys").value(orderKey)));
                      if (!waybills.isEmpty()) {
                        b.should(
                            s ->
                                s.terms(
                                    t ->
                                        t.field("waybillKeys")
                                            .terms(v -> v.value(values(waybills)))));
                      }
                      b.minimumShouldMatch("1");
                      // Viewers see live alerts only, as in the alert list.
                      if (!role.seesShadowAlerts()) {
                        b.filter(f -> f.term(t -> t.field("shadow").value(false)));
                      }
                      return b;
                    }));
    return search(Indices.ALERTS, query, MAX_ALERTS, "detectedAt")
        .compose(found -> withReviews(found, role));
  }

  /** The alerts as the alert routes show them: status from the review index, evidence hidden. */
  private Future<List<ObjectNode>> withReviews(List<ObjectNode> alerts, Role role) {
    if (alerts.isEmpty()) return Future.succeededFuture(List.of());
    List<String> ids = alerts.stream().map(a -> a.path("alertId").asText()).toList();
    return calls
        .call(
            Indices.ALERT_STATUS + ".mget",
            () -> client.mget(m -> m.index(Indices.ALERT_STATUS).ids(ids), AlertLifecycle.class))
        .map(
            response -> {
              Map<String, AlertLifecycle> states = new HashMap<>();
              for (var item : response.docs()) {
                // A failed item (no review index yet) is an alert not reviewed.
                if (item.isResult() && item.result().found()) {
                  states.put(item.result().id(), item.result().source());
                }
              }
              return alerts.stream()
                  .map(a -> AlertView.render(a, states.get(a.path("alertId").asText()), role))
                  .toList();
            });
  }

  private Future<List<ObjectNode>> search(String index, Query query, int size, String timeField) {
    return calls
        .call(
            index + ".search",
            () ->
                client.search(
                    s ->
                        s.index(index)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(size)
                            .query(query)
                            .sort(o -> o.field(f -> f.field(timeField).order(SortOrder.Asc))),
                    ObjectNode.class))
        .map(r -> r.hits().hits().stream().map(h -> h.source()).toList());
  }

  private static List<FieldValue> values(Collection<String> keys) {
    return keys.stream().map(FieldValue::of).toList();
  }
}
