package io.sanliu.model.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An export's proceeds received (出口收汇): the bank or payment firm that received the foreign currency
 * for an export order reports it. Not a CEB message; JSON only. It names the order it pays ({@code
 * ebpCode}, {@code orderNo}), so it joins the order's documents; the risk engine flags an export
 * paid abroad whose proceeds do not arrive.
 *
 * @param receiptId the reporter's id of the receipt
 * @param bankCode the reporting bank or payment firm (the sender)
 * @param ebcCode the exporting enterprise that received the proceeds
 * @param currency the currency received, customs 3-digit code (e.g. 502 USD)
 * @param amount the amount received in that currency
 * @param payerCountry where the money came from, customs 3-digit code; optional
 * @param receivedAt when the proceeds were credited
 */
public record FxReceipt(
    String receiptId,
    String bankCode,
    String ebpCode,
    String orderNo,
    String ebcCode,
    String currency,
    BigDecimal amount,
    String payerCountry,
    Instant receivedAt)
    implements BusinessEvent {

  @Override
  public String businessKey() {
    return DocumentKeys.order(ebpCode, orderNo);
  }

  @Override
  public Instant eventTime() {
    return receivedAt;
  }
}
