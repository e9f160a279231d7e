package io.sanliu.jobs.logistics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.logistics.ShipmentState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reports of the sample parcel (an air import from Japan) for the logistics tests. */
final class LogisticsFixtures {
  static final String CARRIER = SampleEvents.LOGISTICS_CODE;
  static final String WAYBILL_NO = SampleEvents.LOGISTICS_NO;
  static final String WAYBILL = DocumentKeys.waybill(CARRIER, WAYBILL_NO);
  static final String ORDER = DocumentKeys.order(SampleEvents.EBP_CODE, SampleEvents.ORDER_NO);
  static final String JAPAN = "116";
  static final Instant T0 = Instant.parse("2026-11-22T04:00:00Z");

  private LogisticsFixtures() {}

  static Instant hours(double h) {
    return T0.plus(Duration.ofMillis(Math.round(h * 3_600_000)));
  }

  static Envelope<LogisticsEvent> tracking(String id, LogisticsStatus status, Instant at) {
    return tracking(WAYBILL_NO, id, status, at);
  }

  static Envelope<LogisticsEvent> tracking(
      String logisticsNo, String id, LogisticsStatus status, Instant at) {
    boolean abroad = status == LogisticsStatus.PICKED_UP || status == LogisticsStatus.DEPARTED;
    LogisticsEvent e =
        new LogisticsEvent(
            id,
            CARRIER,
            logisticsNo,
            status,
            abroad ? "Tokyo Narita" : "深圳宝安国际机场",
            abroad ? JAPAN : "142",
            status == LogisticsStatus.PICKED_UP || status == LogisticsStatus.OUT_FOR_DELIVERY
                ? "road"
                : "air",
            at,
            null);
    return Envelope.of(EventType.LOGISTICS_EVENT, CARRIER, "G-" + id, at.plusMillis(800), e);
  }

  static Milestone step(String id, LogisticsStatus status, Instant at) {
    return Milestone.of(tracking(id, status, at)).orElseThrow();
  }

  /** The sample list (an air import from Japan, 9610) declared at {@code declared}. */
  static Envelope<CustomsList> list(Instant declared) {
    return list(WAYBILL_NO, SampleEvents.ORDER_NO, declared, l -> {});
  }

  static Envelope<CustomsList> list(
      String logisticsNo, String orderNo, Instant declared, Consumer<ObjectNode> change) {
    ObjectNode json = Json.mapper().valueToTree(SampleEvents.customsList());
    json.put("logisticsNo", logisticsNo)
        .put("orderNo", orderNo)
        .put("country", JAPAN)
        .put("trafMode", "5")
        .put("guid", "L-" + logisticsNo)
        .put("declTime", declared.toString());
    change.accept(json);
    CustomsList l = Json.mapper().convertValue(json, CustomsList.class);
    return Envelope.of(EventType.CUSTOMS_LIST, "CUSTOMS5300", l.guid(), declared.plusSeconds(1), l);
  }

  static Milestone declared(Instant at) {
    return Milestone.ofList(list(at)).orElseThrow();
  }

  /** A status of the sample list, naming its order (as the simulator's receipts do). */
  static Envelope<CustomsReceipt> listReceipt(String guid, String status, Instant at) {
    return listReceipt(SampleEvents.ORDER_NO, guid, status, at);
  }

  static Envelope<CustomsReceipt> listReceipt(
      String orderNo, String guid, String status, Instant at) {
    CustomsReceipt r =
        new CustomsReceipt(
            guid,
            ReceiptKind.CUSTOMS_LIST,
            SampleEvents.EBP_CODE,
            orderNo,
            null,
            null,
            null,
            null,
            "COP20261122000001",
            "53012026I000123456",
            status,
            at,
            "status " + status);
    return Envelope.of(EventType.CUSTOMS_RECEIPT, "CUSTOMS5300", guid, at.plusSeconds(2), r);
  }

  /** A customs status of the sample list, already given its waybill. */
  static Milestone customs(String guid, String status, Instant at) {
    ListLink link = new ListLink(ORDER, CARRIER, WAYBILL_NO);
    return Milestone.ofListReceipt(listReceipt(guid, status, at)).orElseThrow().routedTo(link);
  }

  /** Timeline entries of the given states, an hour apart from {@link #T0}. */
  static List<TimelineEntry> entries(ShipmentState... states) {
    List<TimelineEntry> out = new ArrayList<>();
    for (int i = 0; i < states.length; i++) {
      out.add(
          new TimelineEntry(
              "E" + i,
              states[i],
              states[i].name(),
              hours(i),
              null,
              null,
              null,
              states[i].customs() ? MilestoneSource.CUSTOMS_RECEIPT : MilestoneSource.TRACKING,
              null));
    }
    return out;
  }
}
