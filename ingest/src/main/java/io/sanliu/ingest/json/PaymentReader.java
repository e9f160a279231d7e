package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Payment;
import io.sanliu.model.privacy.PersonalDataHasher;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reads a payment slip in its JSON form (the CEB411 {@code PaymentHead} field names), validates it
 * and protects the payer's ID number, name and telephone.
 *
 * <p>Required: the keys that join it to its order (ebpCode, orderNo) and to customs receipts
 * (payCode, payTransactionId), appType, appTime, amountPaid, currency, and the payer's ID type and
 * number, which the payer-is-the-buyer check compares with the order. {@code payTime} is optional
 * (the event then takes appTime) but must be a time when given.
 */
public final class PaymentReader implements DocumentReader<Payment> {
  private final PersonalDataHasher hasher;

  public PaymentReader(PersonalDataHasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public EventType type() {
    return EventType.PAYMENT;
  }

  /** A payment firm pushes its own payment slips. */
  @Override
  public String participantCode(Payment payment) {
    return payment.payCode();
  }

  @Override
  public Result<Payment> read(JsonNode json) {
    if (json == null || !json.isObject()) return Result.notAnObject("a payment");
    FieldReader f = FieldReader.root(json);
    String orderNo = f.requiredText("orderNo");
    String ebpCode = f.requiredText("ebpCode");
    String payCode = f.requiredText("payCode");
    String payTransactionId = f.requiredText("payTransactionId");
    AppType appType = f.requiredCode("appType", AppType::fromCode);
    Instant appTime = f.requiredTime("appTime");
    String payerIdType = CodeListFields.requiredIdType(f, "payerIdType");
    String payerIdNumber = f.requiredText("payerIdNumber");
    BigDecimal amountPaid = f.requiredAmount("amountPaid");
    String currency = CodeListFields.requiredCurrency(f, "currency");
    Instant payTime = f.optionalCode("payTime", CebTime::parse);
    Payment payment =
        new Payment(
            f.optionalText("guid"),
            appType,
            appTime,
            f.optionalText("appStatus"),
            payCode,
            f.optionalText("payName"),
            payTransactionId,
            orderNo,
            ebpCode,
            f.optionalText("ebpName"),
            payerIdType,
            hasher.idNumber(payerIdNumber),
            hasher.name(f.optionalText("payerName")),
            hasher.telephone(f.optionalText("telephone")),
            amountPaid,
            currency,
            payTime,
            f.optionalText("note"));
    String key = orderNo == null || ebpCode == null ? null : payment.businessKey();
    return Result.of(payment, key, f.errors());
  }
}
