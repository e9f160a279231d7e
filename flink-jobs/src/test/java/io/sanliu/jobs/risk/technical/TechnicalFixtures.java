package io.sanliu.jobs.risk.technical;

import io.sanliu.model.Json;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Dead letters as the gateway and the simulator's Kafka path write them, and sample records. */
final class TechnicalFixtures {
  static final String PAYMENT_FIRM = SampleEvents.PAY_CODE;
  static final String PLATFORM = SampleEvents.EBP_CODE;
  static final String ORDER = DocumentKeys.order(SampleEvents.EBP_CODE, SampleEvents.ORDER_NO);
  static final String WAYBILL =
      DocumentKeys.waybill(SampleEvents.LOGISTICS_CODE, SampleEvents.LOGISTICS_NO);
  static final Instant T0 = Instant.parse("2026-11-22T02:00:00Z");

  private TechnicalFixtures() {}

  static RuleDefinition shipped(String ruleId) {
    return DefaultRules.all().stream()
        .filter(d -> d.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }

  static RuleDefinition changed(String ruleId, Map<String, String> params) {
    return shipped(ruleId).withParams(params, "test", T0);
  }

  static String json(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** MessageProcessor's replay: the message's records as an array, refused on path guid. */
  static DeadLetter gatewayReplay(String messageGuid, BusinessEvent record, Instant at) {
    return DeadLetter.of(
        "ingest",
        PAYMENT_FIRM,
        messageGuid,
        "application/json",
        List.of(
            new FieldError(
                "guid", "replay of accepted message " + messageGuid + ": not published again")),
        "[" + json(record) + "]",
        at);
  }

  /** KafkaSink's replay: stage simulator, the record alone. */
  static DeadLetter simulatorReplay(String messageGuid, BusinessEvent record, Instant at) {
    return DeadLetter.of(
        "simulator",
        SampleEvents.LOGISTICS_CODE,
        messageGuid,
        "application/json",
        List.of(
            new FieldError(
                "guid", "replay of accepted message " + messageGuid + ": not published again")),
        json(record),
        at);
  }

  /** KafkaSink's invalid document (a burst's), refused on the broken field. */
  static DeadLetter simulatorInvalid(String sender, String messageGuid, Instant at) {
    return DeadLetter.of(
        "simulator",
        sender,
        messageGuid,
        "application/json",
        List.of(new FieldError("currency", "unknown currency code 'XYZ'")),
        "{\"orderNo\":\"SO1\",\"currency\":\"XYZ\"}",
        at);
  }

  static DeadLetter gatewayInvalid(String sender, String messageGuid, Instant at) {
    return DeadLetter.of(
        "ingest",
        sender,
        messageGuid,
        "application/xml",
        List.of(new FieldError("goodsValue", "must equal the sum of the items' totalPrice")),
        "{\"orderNo\":\"SO1\"}",
        at);
  }

  static Envelope<BusinessEvent> record(
      EventType type, String recordGuid, Instant ingested, BusinessEvent payload) {
    return Envelope.of(type, PAYMENT_FIRM, recordGuid, ingested, payload);
  }

  static Envelope<BusinessEvent> payment(String recordGuid, Instant ingested) {
    return record(EventType.PAYMENT, recordGuid, ingested, SampleEvents.payment());
  }

  static TechnicalSignal signal(DeadLetter d) {
    return TechnicalSignal.ofDeadLetter(d).orElseThrow();
  }

  static TechnicalSignal signal(Envelope<?> e) {
    return TechnicalSignal.ofRecord(e).orElseThrow();
  }
}
