package io.sanliu.model.archive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.SampleEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every document of one import parcel, with keys of its own (so tests sharing a stack do not
 * collide), built from {@link SampleEvents}' realistic payloads: the order, its payment, the
 * waybill (which, like a real CEB511, names no order), three tracking events, the customs list, two
 * list receipts (one naming the order, one only the list number, as real CEB622 receipts do), a
 * payment receipt naming only the transaction, a consumer evaluation, the enterprise's filing and a
 * goods filing. Personal values are hashed and masked as at ingest; {@link #CLEAR_VALUES} are the
 * clear values that must never be found downstream.
 */
public record TraceParcel(
    String ebpCode,
    String ebcCode,
    String orderNo,
    String logisticsCode,
    String logisticsNo,
    String payCode,
    String payTransactionId,
    String copNo,
    Instant at) {

  /** The clear personal values behind the sample's hashes and masks. */
  public static final List<String> CLEAR_VALUES =
      List.of("110105199003078765", "13812345678", "张三丰", "广东省深圳市南山区科技园路1号", "SZ0001234567");

  /** A parcel whose codes end with {@code suffix}, its order placed at {@code at}. */
  public static TraceParcel of(String suffix, Instant at) {
    return new TraceParcel(
        "EBP" + suffix,
        "EBC" + suffix,
        "SO" + suffix,
        SampleEvents.LOGISTICS_CODE,
        "SF" + suffix,
        SampleEvents.PAY_CODE,
        "TX" + suffix,
        "COP" + suffix,
        at);
  }

  public String orderKey() {
    return ebpCode + ":" + orderNo;
  }

  public String waybillKey() {
    return logisticsCode + ":" + logisticsNo;
  }

  public Instant listReleasedAt() {
    return at.plus(Duration.ofHours(3));
  }

  /** Every document, in the order a zone would see them. */
  public List<Envelope<? extends BusinessEvent>> envelopes() {
    List<Envelope<? extends BusinessEvent>> out = new ArrayList<>();
    out.add(
        envelope(
            EventType.ORDER,
            ebpCode,
            SampleEvents.order(),
            o ->
                parcel(o)
                    .put("ebcCode", ebcCode)
                    .put("payTransactionId", payTransactionId)
                    .put("appTime", at.toString())));
    out.add(
        envelope(
            EventType.PAYMENT,
            payCode,
            SampleEvents.payment(),
            p ->
                parcel(p)
                    .put("payTransactionId", payTransactionId)
                    .put("appTime", at.toString())
                    .put("payTime", at.plusSeconds(65).toString())));
    out.add(
        envelope(
            EventType.WAYBILL,
            logisticsCode,
            SampleEvents.waybill(),
            w ->
                w.put("logisticsNo", logisticsNo)
                    .put("appTime", at.plus(Duration.ofMinutes(20)).toString())));
    out.add(
        envelope(
            EventType.CUSTOMS_LIST,
            ebpCode,
            SampleEvents.customsList(),
            l ->
                parcel(l)
                    .put("ebcCode", ebcCode)
                    .put("logisticsNo", logisticsNo)
                    .put("copNo", copNo)
                    .put("invtNo", "INVT" + copNo)
                    .put("appTime", at.plus(Duration.ofMinutes(90)).toString())
                    .put("declTime", at.plus(Duration.ofMinutes(100)).toString())));
    out.add(listReceipt(CustomsReceipt.ACCEPTED, at.plus(Duration.ofMinutes(105)), true));
    out.add(listReceipt(CustomsReceipt.RELEASED, listReleasedAt(), false));
    out.add(
        envelope(
            EventType.CUSTOMS_RECEIPT,
            "CUSTOMS",
            SampleEvents.customsReceipt(),
            r ->
                r.put("kind", ReceiptKind.PAYMENT.name())
                    .putNull("ebpCode")
                    .putNull("orderNo")
                    .putNull("logisticsCode")
                    .putNull("logisticsNo")
                    .putNull("copNo")
                    .putNull("invtNo")
                    .put("payCode", payCode)
                    .put("payTransactionId", payTransactionId)
                    .put("returnStatus", "2")
                    .put("returnTime", at.plus(Duration.ofMinutes(5)).toString())
                    .put("guid", "PR-" + orderNo)));
    LogisticsStatus[] steps = {
      LogisticsStatus.PICKED_UP, LogisticsStatus.CUSTOMS_CLEARANCE, LogisticsStatus.DELIVERED
    };
    for (int i = 0; i < steps.length; i++) {
      int n = i;
      out.add(
          envelope(
              EventType.LOGISTICS_EVENT,
              logisticsCode,
              SampleEvents.logisticsEvent(),
              e ->
                  e.put("eventId", "EV-" + logisticsNo + "-" + n)
                      .put("logisticsNo", logisticsNo)
                      .put("status", steps[n].name())
                      .put("occurredAt", at.plus(Duration.ofHours(1 + 2L * n)).toString())));
    }
    out.add(
        envelope(
            EventType.EVALUATION,
            ebpCode,
            SampleEvents.evaluation(),
            e ->
                parcel(e)
                    .put("ebcCode", ebcCode)
                    .put("evaluationId", "EVAL-" + orderNo)
                    .put("evaluatedAt", at.plus(Duration.ofDays(2)).toString())));
    out.add(
        envelope(
            EventType.ENTERPRISE_FILING,
            "ZONE",
            SampleEvents.enterpriseFiling(),
            f ->
                f.put("enterpriseCode", ebcCode)
                    .put("filedAt", at.minusSeconds(86_400).toString())));
    out.add(
        envelope(
            EventType.GOODS_FILING,
            "ZONE",
            SampleEvents.goodsFiling(),
            g -> g.put("ebcCode", ebcCode).put("filedAt", at.minusSeconds(3_600).toString())));
    return out;
  }

  private Envelope<? extends BusinessEvent> listReceipt(
      String status, Instant when, boolean namesOrder) {
    return envelope(
        EventType.CUSTOMS_RECEIPT,
        "CUSTOMS",
        SampleEvents.customsReceipt(),
        r -> {
          r.put("ebpCode", ebpCode)
              .put("logisticsNo", logisticsNo)
              .put("copNo", copNo)
              .put("invtNo", "INVT" + copNo)
              .put("returnStatus", status)
              .put("returnTime", when.toString())
              .put("guid", "LR" + status + "-" + orderNo);
          if (namesOrder) r.put("orderNo", orderNo);
          else r.putNull("orderNo").putNull("logisticsCode").putNull("logisticsNo");
        });
  }

  private ObjectNode parcel(ObjectNode node) {
    return node.put("ebpCode", ebpCode).put("orderNo", orderNo);
  }

  /** A sample payload with some fields replaced, in an envelope of its own record guid. */
  private <T extends BusinessEvent> Envelope<T> envelope(
      EventType type, String sender, T sample, Consumer<ObjectNode> change) {
    ObjectNode tree = Json.mapper().valueToTree(sample);
    change.accept(tree);
    try {
      @SuppressWarnings("unchecked")
      T payload = (T) Json.mapper().treeToValue(tree, type.payloadClass());
      String guid = type.name() + "-" + orderNo + "-" + payload.eventTime();
      return Envelope.of(type, sender, guid, payload.eventTime().plusSeconds(1), payload);
    } catch (Exception e) {
      throw new IllegalStateException("cannot build a " + type + " of " + orderNo, e);
    }
  }
}
