package io.sanliu.api.credit;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ApiProblem;
import io.sanliu.api.ElasticCalls;
import io.sanliu.api.Endpoints;
import io.sanliu.api.Params;
import io.sanliu.api.Reply;
import io.sanliu.api.RequestBodies;
import io.sanliu.api.TopicPublisher;
import io.sanliu.api.auth.Caller;
import io.sanliu.api.auth.Role;
import io.sanliu.model.Json;
import io.sanliu.model.simulation.NegativeListEntry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Negative-list management (信用负面清单): administrators list entries by hand and take entries off, with
 * a reason, each audited and published on {@code sanliu.negative-list}, where the risk engine and
 * the credit job read it (a removal is the entry again with its removal time). Risk officers and
 * administrators read the list whole; other roles get the public view (有序公开): which enterprises are
 * listed and since when.
 */
public final class NegativeListRoutes {
  static final Set<Role> LISTERS = EnumSet.of(Role.ADMIN);

  private final NegativeListInForce list;
  private final TopicPublisher<NegativeListEntry> publisher;
  private final NegativeListAudit audit;
  private final Clock clock;

  public NegativeListRoutes(
      NegativeListInForce list,
      TopicPublisher<NegativeListEntry> publisher,
      ElasticsearchAsyncClient client,
      ElasticCalls calls,
      Clock clock) {
    this.list = list;
    this.publisher = publisher;
    this.audit = new NegativeListAudit(client, calls);
    this.clock = clock;
  }

  public void mount(Endpoints endpoints) {
    endpoints.secured(
        HttpMethod.GET, "/api/v1/negative-list", Role.ALL, "read the negative list", this::all);
    endpoints.secured(
        HttpMethod.GET,
        "/api/v1/negative-list/:entryId",
        Role.REVIEWERS,
        "read negative-list entries",
        this::one);
    endpoints.secured(
        HttpMethod.POST,
        "/api/v1/negative-list",
        LISTERS,
        "list entries on the negative list",
        this::create);
    endpoints.secured(
        HttpMethod.POST,
        "/api/v1/negative-list/:entryId/removal",
        LISTERS,
        "take entries off the negative list",
        this::remove);
  }

  private Future<Reply> all(RoutingContext ctx) {
    Role role = Caller.of(ctx).role();
    Params params = Params.of(ctx, Set.of("enterpriseCode", "subject", "removed"));
    boolean withRemoved = params.bool("removed", false);
    String enterprise = params.text("enterpriseCode");
    String subjectText = params.text("subject");
    NegativeListEntry.Subject subject =
        subjectText == null
            ? null
            : Params.enumValue("subject", NegativeListEntry.Subject.class, subjectText);
    boolean full = Role.REVIEWERS.contains(role);
    Stream<NegativeListEntry> entries =
        list.all().stream()
            .filter(e -> withRemoved || !e.isRemoved())
            .filter(e -> enterprise == null || enterprise.equals(e.enterpriseCode()))
            .filter(e -> subject == null || e.subject() == subject);
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("caughtUp", list.caughtUp());
    out.put("view", full ? "full" : "public");
    ArrayNode items = out.putArray("entries");
    if (full) {
      entries.forEach(e -> items.add(Json.mapper().<ObjectNode>valueToTree(e)));
    } else {
      // Public: enterprises listed as such, and since when; no goods, reasons or listers.
      entries
          .filter(e -> e.subject() == NegativeListEntry.Subject.ENTERPRISE && !e.isRemoved())
          .forEach(
              e -> {
                ObjectNode row = items.addObject();
                row.put("enterpriseCode", e.enterpriseCode());
                row.put("since", e.listedAt() == null ? null : e.listedAt().toString());
              });
    }
    return Reply.okFuture(out);
  }

  private Future<Reply> one(RoutingContext ctx) {
    Params.of(ctx, Set.of());
    String id = ctx.pathParam("entryId");
    NegativeListEntry entry =
        list.get(id).orElseThrow(() -> ApiProblem.notFound("no negative-list entry " + id));
    return audit
        .of(id)
        .map(
            trail -> {
              ObjectNode out = Json.mapper().valueToTree(entry);
              out.set("audit", Json.mapper().valueToTree(trail));
              return Reply.ok(out);
            });
  }

  private Future<Reply> create(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Params.of(ctx, Set.of());
    NegativeListEntry entry =
        NegativeListRequest.entry(
            RequestBodies.object(ctx, false), caller.subject(), clock.instant());
    NegativeListAuditEntry record =
        new NegativeListAuditEntry(
            entry.entryId(),
            NegativeListAuditEntry.LISTED,
            entry.subject(),
            entry.enterpriseCode(),
            entry.reason(),
            caller.subject(),
            caller.role().claim(),
            entry.listedAt());
    // Audited before it is published: no entry reaches the risk engine without its record.
    return audit
        .record(record)
        .compose(done -> publish(entry))
        .map(
            metadata -> {
              list.offer(entry);
              ObjectNode out = Json.mapper().valueToTree(entry);
              out.set("published", published(metadata));
              out.set("audit", Json.mapper().valueToTree(List.of(record)));
              Reply ok = Reply.json(201, out);
              return ok.withHeader("Location", "/api/v1/negative-list/" + entry.entryId());
            });
  }

  private Future<Reply> remove(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    Params.of(ctx, Set.of());
    String id = ctx.pathParam("entryId");
    String reason = NegativeListRequest.removalReason(RequestBodies.object(ctx, false));
    NegativeListEntry entry =
        list.get(id).orElseThrow(() -> ApiProblem.notFound("no negative-list entry " + id));
    if (entry.isRemoved()) {
      throw ApiProblem.conflict(
          "negative-list entry " + id + " was already removed at " + entry.removedAt());
    }
    NegativeListEntry removed = entry.removed(clock.instant(), reason, caller.subject());
    NegativeListAuditEntry record =
        new NegativeListAuditEntry(
            id,
            NegativeListAuditEntry.REMOVED,
            entry.subject(),
            entry.enterpriseCode(),
            reason,
            caller.subject(),
            caller.role().claim(),
            removed.removedAt());
    return audit
        .record(record)
        .compose(done -> publish(removed))
        .compose(
            metadata -> {
              list.offer(removed);
              return audit
                  .of(id)
                  .map(
                      trail -> {
                        ObjectNode out = Json.mapper().valueToTree(removed);
                        out.set("published", published(metadata));
                        out.set("audit", Json.mapper().valueToTree(trail));
                        return Reply.ok(out);
                      });
            });
  }

  private Future<RecordMetadata> publish(NegativeListEntry entry) {
    return publisher
        .publish(entry)
        .recover(
            e ->
                Future.failedFuture(
                    ApiProblem.of(
                            503,
                            "negative-list entry "
                                + entry.entryId()
                                + " was audited but not published: "
                                + e.getMessage())
                        .header("Retry-After", "5")));
  }

  private static ObjectNode published(RecordMetadata m) {
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("topic", m.topic());
    out.put("partition", m.partition());
    out.put("offset", m.offset());
    return out;
  }
}
