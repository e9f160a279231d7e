package io.sanliu.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.archive.ArchivedDocument;
import io.sanliu.model.archive.TraceParcel;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console browser test's data: 25 alerts of June 2019 (a time no other test uses), one of them
 * on a parcel whose every document, shipment timeline and customs status is archived as the jobs
 * write them.
 */
final class ConsoleSeed {
  static final Instant AT = Instant.parse("2019-06-10T02:00:00Z");
  static final TraceParcel PARCEL = TraceParcel.of("-CON41", AT);
  static final String E1 = "CON41-E1";
  static final String E2 = "CON41-E2";
  static final String TRACED = "con41-traced";
  static final List<Severity> SEVERITIES =
      List.of(Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL);

  private ConsoleSeed() {}

  /** The traced alert (three days after the parcel) and 24 more, an hour apart before it. */
  static List<RiskAlert> alerts() {
    List<RiskAlert> alerts = new ArrayList<>();
    alerts.add(
        alert(
            TRACED,
            "payer-not-buyer",
            RuleType.PAYER_NOT_BUYER,
            Severity.HIGH,
            77,
            E1,
            List.of(PARCEL.orderKey()),
            AT.plus(Duration.ofDays(3))));
    for (int i = 1; i < 25; i++) {
      alerts.add(
          alert(
              String.format("con41-%02d", i),
              i % 2 == 0 ? "single-limit" : "annual-quota",
              i % 2 == 0 ? RuleType.SINGLE_LIMIT : RuleType.ANNUAL_QUOTA,
              SEVERITIES.get(i % 4),
              (i * 37) % 100 + 0.5,
              i % 3 == 0 ? E2 : E1,
              List.of("4403169D3W:SO-CON41-" + i),
              AT.minus(Duration.ofHours(i))));
    }
    return List.copyOf(alerts);
  }

  /** The alerts, the parcel's archived documents and its shipment, through the templates. */
  static void index(ElasticsearchClient es, List<RiskAlert> alerts) throws Exception {
    TestAlerts.index(es, alerts);
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    for (var e : PARCEL.envelopes()) {
      ArchivedDocument d = ArchivedDocument.of(e);
      documents.put(d.id(), Json.mapper().valueToTree(d));
    }
    ConsolePage.bulk(es, Indices.DOCUMENTS, documents);
    ConsolePage.bulk(es, Indices.SHIPMENTS, Map.of(PARCEL.waybillKey(), shipment()));
  }

  static RiskAlert alert(
      String id,
      String ruleId,
      RuleType type,
      Severity severity,
      double score,
      String enterprise,
      List<String> orderKeys,
      Instant detectedAt) {
    return new RiskAlert(
        id,
        ruleId,
        1,
        type,
        type.nameZh(),
        type.nameEn(),
        severity,
        score,
        AlertStatus.OPEN,
        false,
        orderKeys,
        List.of(),
        enterprise,
        List.of(),
        Map.of("buyer", "hash-" + id),
        "付款人 110***********8765 不是订购人 " + id,
        "payer 110***********8765 is not the buyer " + id,
        Map.of("payerId", "110***********8765", "amountPaid", "1234.50"),
        detectedAt.minusSeconds(60),
        detectedAt,
        detectedAt.minusSeconds(61));
  }

  /** The parcel's shipment as the logistics job writes it: three tracking states. */
  static ObjectNode shipment() {
    ObjectNode s = Json.mapper().createObjectNode();
    s.put("waybillKey", PARCEL.waybillKey());
    s.put("logisticsCode", PARCEL.logisticsCode());
    s.put("logisticsNo", PARCEL.logisticsNo());
    s.put("orderKey", PARCEL.orderKey());
    s.put("state", "DELIVERED");
    s.put("firstEventAt", AT.plus(Duration.ofHours(1)).toString());
    ArrayNode timeline = s.putArray("timeline");
    String[] states = {"PICKED_UP", "CUSTOMS_CLEARANCE", "DELIVERED"};
    for (int i = 0; i < states.length; i++) {
      timeline
          .addObject()
          .put("ref", "EV-" + PARCEL.logisticsNo() + "-" + i)
          .put("state", states[i])
          .put("status", states[i])
          .put("at", AT.plus(Duration.ofHours(1 + 2L * i)).toString())
          .put("location", "深圳前海监管仓");
    }
    return s;
  }
}
