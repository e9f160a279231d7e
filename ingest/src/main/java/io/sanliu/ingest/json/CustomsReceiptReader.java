package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.ReceiptKind;
import java.time.Instant;

/**
 * Reads a customs receipt (CEB312 order, CEB412 payment, CEB512 waybill, CEB622 list receipts and
 * their export counterparts) in its JSON form. {@code kind} is required (a {@link ReceiptKind}
 * name, any case; the XML codec sets it from the message), so are {@code returnStatus} and {@code
 * returnTime} (customs writes it with milliseconds, {@code yyyyMMddHHmmssSSS}; the other CEB and
 * ISO forms are read too). {@code returnStatus} is kept as sent: its codes differ per document.
 *
 * <p>The keys that must be present depend on the kind: ORDER and CUSTOMS_LIST need ebpCode and
 * orderNo, PAYMENT needs payCode and payTransactionId (plus ebpCode with orderNo, when either is
 * given), WAYBILL needs logisticsCode and logisticsNo.
 */
public final class CustomsReceiptReader implements DocumentReader<CustomsReceipt> {

  @Override
  public EventType type() {
    return EventType.CUSTOMS_RECEIPT;
  }

  /** Null: customs sends receipts, about documents of every participant. */
  @Override
  public String participantCode(CustomsReceipt receipt) {
    return null;
  }

  @Override
  public Result<CustomsReceipt> read(JsonNode json) {
    if (json == null || !json.isObject()) return Result.notAnObject("a customs receipt");
    FieldReader f = FieldReader.root(json);
    ReceiptKind kind = f.requiredCode("kind", ValueParsers.enumName(ReceiptKind.class));
    String ebpCode = f.optionalText("ebpCode");
    String orderNo = f.optionalText("orderNo");
    String logisticsCode = f.optionalText("logisticsCode");
    String logisticsNo = f.optionalText("logisticsNo");
    String payCode = f.optionalText("payCode");
    String payTransactionId = f.optionalText("payTransactionId");
    if (kind != null) {
      switch (kind) {
        case ORDER -> {
          ebpCode = f.requiredText("ebpCode");
          orderNo = f.requiredText("orderNo");
        }
        case CUSTOMS_LIST -> {
          // Real CEB622 receipts name the list (copNo, invtNo), not always the order.
          ebpCode = f.requiredText("ebpCode");
          if (orderNo == null
              && f.optionalText("copNo") == null
              && f.optionalText("invtNo") == null) {
            f.error("orderNo", "a list receipt needs orderNo, copNo or invtNo");
          }
        }
        case PAYMENT -> {
          payCode = f.requiredText("payCode");
          payTransactionId = f.requiredText("payTransactionId");
          if (ebpCode != null || orderNo != null) {
            ebpCode = f.requiredText("ebpCode");
            orderNo = f.requiredText("orderNo");
          }
        }
        case WAYBILL -> {
          logisticsCode = f.requiredText("logisticsCode");
          logisticsNo = f.requiredText("logisticsNo");
        }
      }
    }
    String returnStatus = f.requiredText("returnStatus");
    Instant returnTime = f.requiredCode("returnTime", ValueParsers::timeWithMillis);
    CustomsReceipt receipt =
        new CustomsReceipt(
            f.optionalText("guid"),
            kind,
            ebpCode,
            orderNo,
            logisticsCode,
            logisticsNo,
            payCode,
            payTransactionId,
            f.optionalText("copNo"),
            f.optionalText("invtNo"),
            returnStatus,
            returnTime,
            f.optionalText("returnInfo"));
    return Result.of(receipt, key(receipt, f.errors()), f.errors());
  }

  /** The record's key, or null when the keys it needs are missing (it is refused then). */
  static String key(
      CustomsReceipt r, java.util.List<io.sanliu.model.kafka.DeadLetter.FieldError> errors) {
    return r.kind() == null || !errors.isEmpty() ? null : r.businessKey();
  }
}
