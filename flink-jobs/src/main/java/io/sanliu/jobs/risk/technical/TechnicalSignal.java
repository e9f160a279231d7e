package io.sanliu.jobs.risk.technical;

import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the technical rules see: a replay the gateway refused, another document a sender had
 * refused, or a business record seen on a topic. Keyed so that what a rule compares meets: {@code
 * replay:<message guid>}, {@code sender:<sender code>}, {@code record:<record guid>}.
 *
 * @param guid the dead letter's message guid, or the record's guid ({@code Envelope.messageGuid})
 * @param sender the sender's code
 * @param time a dead letter's {@code rejectedAt}; when the gateway took a record in (its event time
 *     when the ingest time is unknown): both say when the platform saw it
 * @param eventTime a record's event time; a dead letter's {@code rejectedAt}
 * @param recordType a record's type; null for a dead letter
 * @param businessKey a record's business key; null for a dead letter
 * @param orderKeys order keys the document names (of a dead letter: read from its payload when it
 *     can be)
 * @param waybillKeys waybill keys the document names
 * @param recordGuids the record guids in a dead letter's payload
 * @param stage a dead letter's stage
 * @param reason a dead letter's first error, {@code path: reason}
 */
public record TechnicalSignal(
    String key,
    Kind kind,
    String guid,
    String sender,
    Instant time,
    Instant eventTime,
    EventType recordType,
    String businessKey,
    List<String> orderKeys,
    List<String> waybillKeys,
    List<String> recordGuids,
    String stage,
    String reason) {

  public enum Kind {
    /** A message sent again under a guid the gateway had accepted: refused, not published. */
    REPLAY,
    /** A document the gateway (or the simulator's Kafka path, as it would) refused. */
    REFUSAL,
    /** A business record published on a topic. */
    RECORD
  }

  static final String REPLAY_PREFIX = "replay:";
  static final String SENDER_PREFIX = "sender:";
  static final String RECORD_PREFIX = "record:";

  /** The stages that refuse a sender's input; others (a job's undecodable record) are ours. */
  static final Set<String> SENDER_STAGES = Set.of("ingest", "simulator");

  /** How the gateway and the simulator's Kafka path word a replay, on the path {@code guid}. */
  static final String REPLAY_REASON = "replay of accepted message";

  public TechnicalSignal {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(time, "time");
    orderKeys = orderKeys == null ? List.of() : List.copyOf(orderKeys);
    waybillKeys = waybillKeys == null ? List.of() : List.copyOf(waybillKeys);
    recordGuids = recordGuids == null ? List.of() : List.copyOf(recordGuids);
  }

  /**
   * The signal of a dead letter: a replay, or a sender's refused input. Empty for dead letters of
   * other stages, and for those that name neither guid (a replay) nor sender (a refusal).
   */
  public static Optional<TechnicalSignal> ofDeadLetter(DeadLetter letter) {
    if (letter == null || !SENDER_STAGES.contains(letter.stage()) || letter.rejectedAt() == null) {
      return Optional.empty();
    }
    boolean replay = isReplay(letter);
    String key;
    if (replay) {
      if (blank(letter.messageGuid())) return Optional.empty();
      key = REPLAY_PREFIX + letter.messageGuid();
    } else {
      if (blank(letter.source())) return Optional.empty();
      key = SENDER_PREFIX + letter.source();
    }
    // A replay's payload tells which parcel was sent again; a refusal's is broken anyway.
    PayloadKeys keys = replay ? PayloadKeys.read(letter.payload()) : PayloadKeys.NONE;
    FieldError first =
        letter.errors() == null || letter.errors().isEmpty() ? null : letter.errors().get(0);
    return Optional.of(
        new TechnicalSignal(
            key,
            replay ? Kind.REPLAY : Kind.REFUSAL,
            letter.messageGuid(),
            letter.source(),
            letter.rejectedAt(),
            letter.rejectedAt(),
            null,
            null,
            keys.orderKeys(),
            keys.waybillKeys(),
            keys.recordGuids(),
            letter.stage(),
            first == null ? null : first.path() + ": " + first.reason()));
  }

  /** The signal of a business record; empty when it has no guid or no time to remember it by. */
  public static Optional<TechnicalSignal> ofRecord(Envelope<?> envelope) {
    if (envelope == null || blank(envelope.messageGuid())) return Optional.empty();
    Instant seen = envelope.ingestTime() != null ? envelope.ingestTime() : envelope.eventTime();
    if (seen == null) return Optional.empty();
    String businessKey = envelope.key();
    List<String> orders = new ArrayList<>();
    List<String> waybills = new ArrayList<>();
    if (businessKey != null && !businessKey.contains("null")) {
      switch (role(envelope.type(), envelope.payload())) {
        case ORDER -> orders.add(businessKey);
        case WAYBILL -> waybills.add(businessKey);
        case NONE -> {}
      }
    }
    return Optional.of(
        new TechnicalSignal(
            RECORD_PREFIX + envelope.messageGuid(),
            Kind.RECORD,
            envelope.messageGuid(),
            envelope.source(),
            seen,
            envelope.eventTime() != null ? envelope.eventTime() : seen,
            envelope.type(),
            businessKey,
            orders,
            waybills,
            List.of(envelope.messageGuid()),
            null,
            null));
  }

  /** Marked as the gateway (and the simulator's Kafka path) mark a replay. */
  static boolean isReplay(DeadLetter letter) {
    if (letter.errors() == null) return false;
    for (FieldError e : letter.errors()) {
      if ("guid".equals(e.path()) && e.reason() != null && e.reason().startsWith(REPLAY_REASON)) {
        return true;
      }
    }
    return false;
  }

  private enum Role {
    ORDER,
    WAYBILL,
    NONE
  }

  /** Whether a record's business key is an order key ({@code ebpCode:orderNo}) or a waybill's. */
  private static Role role(EventType type, BusinessEvent payload) {
    return switch (type) {
      case ORDER, PAYMENT, CUSTOMS_LIST, EVALUATION, FX_RECEIPT -> Role.ORDER;
      case WAYBILL, LOGISTICS_EVENT -> Role.WAYBILL;
      case CUSTOMS_RECEIPT -> {
        CustomsReceipt r = (CustomsReceipt) payload;
        if (r.kind() == ReceiptKind.WAYBILL) yield Role.WAYBILL;
        yield r.ebpCode() != null && r.orderNo() != null ? Role.ORDER : Role.NONE;
      }
      case ENTERPRISE_FILING, GOODS_FILING, RISK_ALERT -> Role.NONE;
    };
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
