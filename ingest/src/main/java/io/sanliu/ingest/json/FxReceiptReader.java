package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.FxReceipt;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reads an export's proceeds received (出口收汇), reported by the bank or payment firm that received
 * them (not a CEB message; field names are those of {@link FxReceipt}). Required: {@code
 * receiptId}, {@code bankCode} (the sender), {@code ebpCode} and {@code orderNo} of the export
 * order it pays, {@code ebcCode}, {@code currency} (customs code list), {@code amount} (positive)
 * and {@code receivedAt}; {@code payerCountry} is optional. No personal data.
 */
public final class FxReceiptReader implements DocumentReader<FxReceipt> {

  @Override
  public EventType type() {
    return EventType.FX_RECEIPT;
  }

  /** The bank or payment firm that received the proceeds reports them. */
  @Override
  public String participantCode(FxReceipt receipt) {
    return receipt.bankCode();
  }

  @Override
  public Result<FxReceipt> read(JsonNode json) {
    if (json == null || !json.isObject()) return Result.notAnObject("an FX receipt");
    FieldReader f = FieldReader.root(json);
    String receiptId = f.requiredText("receiptId");
    String bankCode = f.requiredText("bankCode");
    String ebpCode = f.requiredText("ebpCode");
    String orderNo = f.requiredText("orderNo");
    String ebcCode = f.requiredText("ebcCode");
    String currency = CodeListFields.requiredCurrency(f, "currency");
    BigDecimal amount = f.requiredAmount("amount");
    if (amount != null && amount.signum() == 0) f.error("amount", "must be positive");
    String payerCountry = f.optionalText("payerCountry");
    Instant receivedAt = f.requiredTime("receivedAt");
    FxReceipt receipt =
        new FxReceipt(
            receiptId,
            bankCode,
            ebpCode,
            orderNo,
            ebcCode,
            currency,
            amount,
            payerCountry,
            receivedAt);
    String key = ebpCode == null || orderNo == null ? null : receipt.businessKey();
    return Result.of(receipt, key, f.errors());
  }
}
