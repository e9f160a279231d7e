package io.sanliu.jobs.risk.shipment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/** Documents and rule definitions of the shipment tests: the sample parcel's waybill and list. */
final class ShipmentFixtures {
  static final String WAYBILL =
      DocumentKeys.waybill(SampleEvents.LOGISTICS_CODE, SampleEvents.LOGISTICS_NO);
  static final String ORDER = DocumentKeys.order(SampleEvents.EBP_CODE, SampleEvents.ORDER_NO);
  static final Instant EDITED = Instant.parse("2026-11-23T00:00:00Z");

  private ShipmentFixtures() {}

  static RuleDefinition shipped(String ruleId) {
    return DefaultRules.all().stream()
        .filter(d -> d.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }

  static RuleDefinition stalled(String silence) {
    return shipped("stalled-parcel").withParams(Map.of("silence", silence), "test", EDITED);
  }

  static RuleDefinition export(String within) {
    return shipped("export-not-shipped").withParams(Map.of("within", within), "test", EDITED);
  }

  static Envelope<LogisticsEvent> tracking(String eventId, LogisticsStatus status, Instant at) {
    LogisticsEvent e =
        new LogisticsEvent(
            eventId,
            SampleEvents.LOGISTICS_CODE,
            SampleEvents.LOGISTICS_NO,
            status,
            "深圳宝安机场",
            "142",
            "air",
            at,
            null);
    return Envelope.of(
        EventType.LOGISTICS_EVENT,
        SampleEvents.LOGISTICS_CODE,
        "G-" + eventId,
        at.plusMillis(800),
        e);
  }

  static Envelope<CustomsList> importList() {
    return list(l -> {});
  }

  /** The sample list as a 9610 export declared at {@code declared}. */
  static Envelope<CustomsList> exportList(Instant declared) {
    return list(l -> l.put("direction", "E").put("declTime", declared.toString()));
  }

  static Envelope<CustomsList> list(Consumer<ObjectNode> change) {
    ObjectNode json = Json.mapper().valueToTree(SampleEvents.customsList());
    change.accept(json);
    CustomsList l = Json.mapper().convertValue(json, CustomsList.class);
    return Envelope.of(
        EventType.CUSTOMS_LIST, "CUSTOMS5300", l.guid(), l.eventTime().plusSeconds(1), l);
  }
}
