package io.sanliu.jobs.risk.fx;

import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.FxReceipt;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What the FX rules see of an export parcel, keyed by its order ({@code ebpCode:orderNo}): the paid
 * export (from the matcher's outcome, which knows the order's direction and holds its payment slip)
 * or one FX receipt of its proceeds.
 *
 * @param paid true: the paid export; false: a receipt
 * @param id the receipt's id (receipts only)
 * @param amount the amount paid, or received
 * @param currency its currency, customs code
 * @param at the payment time, or the time the proceeds were credited
 */
public record FxSignal(
    String orderKey,
    boolean paid,
    String ebcCode,
    String id,
    BigDecimal amount,
    String currency,
    Instant at) {

  /** The paid export of an outcome: an export order with a payment slip that has an amount. */
  public static Optional<FxSignal> ofOutcome(ParcelOutcome o) {
    Order order = o.documents().order();
    Payment payment = o.documents().payment();
    if (order == null || payment == null || order.direction() != Direction.E)
      return Optional.empty();
    if (payment.amountPaid() == null || payment.currency() == null) return Optional.empty();
    return Optional.of(
        new FxSignal(
            order.businessKey(),
            true,
            order.ebcCode(),
            null,
            payment.amountPaid(),
            payment.currency(),
            payment.eventTime()));
  }

  public static FxSignal ofReceipt(Envelope<FxReceipt> e) {
    FxReceipt r = e.payload();
    return new FxSignal(
        r.businessKey(),
        false,
        r.ebcCode(),
        r.receiptId(),
        r.amount(),
        r.currency(),
        r.receivedAt());
  }
}
