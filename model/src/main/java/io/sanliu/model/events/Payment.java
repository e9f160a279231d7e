package io.sanliu.model.events;

import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import java.time.Instant;

/** A payment slip (CEB411 {@code PaymentHead}), personal fields protected. */
public record Payment(
    String guid,
    AppType appType,
    Instant appTime,
    String appStatus,
    String payCode,
    String payName,
    String payTransactionId,
    String orderNo,
    String ebpCode,
    String ebpName,
    String payerIdType,
    PersonalField payerId,
    PersonalField payerName,
    PersonalField telephone,
    BigDecimal amountPaid,
    String currency,
    Instant payTime,
    String note)
    implements BusinessEvent {

  @Override
  public String businessKey() {
    return DocumentKeys.order(ebpCode, orderNo);
  }

  /** The moment of payment when given, else the declaration time. */
  @Override
  public Instant eventTime() {
    return payTime != null ? payTime : appTime;
  }
}
