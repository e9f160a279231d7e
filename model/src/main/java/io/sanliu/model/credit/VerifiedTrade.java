package io.sanliu.model.credit;

import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.fx.DefaultFxRates;
import io.sanliu.model.tax.ComprehensiveTax;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One parcel of verified turnover (three documents matched COMPLETE and the list released, 800):
 * the verified trade ledger's entry, id {@link #orderKey} so a replay overwrites it. Amounts are
 * yuan: exact cents ({@code *Cents}, what sums are made of) and the same as a double ({@code
 * *Cny}); a foreign-currency order is converted at the platform's default rate ({@link #fxRate}),
 * half-up to the cent. See docs/credit.md.
 *
 * @param month the release's month in China time, {@code yyyy-MM}
 * @param turnoverCents what the parcel counts as turnover: acturalPaid, else goodsValue (export
 *     orders carry no acturalPaid), as the credit job counts it
 * @param taxTotalCents the order's declared taxTotal (null when it declares none)
 * @param taxComputedCents retail imports only: the comprehensive tax computed from goods, freight
 *     and insurance ({@link ComprehensiveTax#DEFAULT}, as the TAX_BELOW_COMPUTED rule does)
 * @param taxDifferenceCents retail imports with a declared tax: declared minus computed
 * @param exemptRetailExport a 9610 export: retail export under the no-invoice exemption (无票免税)
 */
public record VerifiedTrade(
    String orderKey,
    String orderNo,
    String ebcCode,
    String ebpCode,
    String logisticsCode,
    String payCode,
    Direction direction,
    TradeMode tradeMode,
    String country,
    Instant releasedAt,
    String month,
    String currency,
    double fxRate,
    Long goodsValueCents,
    Long acturalPaidCents,
    long turnoverCents,
    Double goodsValueCny,
    Double acturalPaidCny,
    double turnoverCny,
    Long taxTotalCents,
    boolean retailImport,
    Long taxableValueCents,
    Long taxComputedCents,
    Double taxRate,
    Long taxDifferenceCents,
    boolean exemptRetailExport) {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM").withZone(CebTime.CHINA);
  private static final String CNY = "142";

  /** The month ({@code yyyy-MM}, China time) an instant falls in. */
  public static String monthOf(Instant t) {
    return MONTH.format(t);
  }

  /**
   * The ledger entry of a parcel verified at {@code releasedAt}, from its matched documents; empty
   * when the order is missing, has no value, or is in a currency without a rate (the credit job
   * does not count such a parcel as turnover either). Insurance is the list's, else the waybill's,
   * as in the TAX_BELOW_COMPUTED rule.
   */
  public static Optional<VerifiedTrade> of(
      Order order, Payment payment, CustomsList list, Waybill waybill, Instant releasedAt) {
    if (order == null || releasedAt == null) return Optional.empty();
    String currency = order.currency() == null ? CNY : order.currency();
    Optional<BigDecimal> rate =
        CNY.equals(currency) ? Optional.of(BigDecimal.ONE) : DefaultFxRates.find(currency);
    BigDecimal turnover = order.acturalPaid() != null ? order.acturalPaid() : order.goodsValue();
    if (rate.isEmpty() || turnover == null) return Optional.empty();
    BigDecimal fx = rate.get();
    Direction direction =
        order.direction() != null ? order.direction() : list == null ? null : list.direction();
    TradeMode mode =
        order.tradeMode() != null ? order.tradeMode() : list == null ? null : list.tradeMode();
    boolean retailImport = TradeMode.retailImport(direction, mode);
    Long taxable = null;
    Long computed = null;
    Long difference = null;
    Long declared = cents(order.taxTotal(), fx);
    if (retailImport) {
      BigDecimal insured =
          list != null && list.insuredFee() != null
              ? list.insuredFee()
              : waybill == null ? null : waybill.insuredFee();
      BigDecimal value =
          ComprehensiveTax.taxableValue(order.goodsValue(), order.freight(), insured);
      BigDecimal tax = ComprehensiveTax.DEFAULT.on(value);
      taxable = cents(value, fx);
      computed = cents(tax, fx);
      if (declared != null) difference = declared - computed;
    }
    long turnoverCents = cents(turnover, fx);
    Long goodsCents = cents(order.goodsValue(), fx);
    Long paidCents = cents(order.acturalPaid(), fx);
    return Optional.of(
        new VerifiedTrade(
            order.businessKey(),
            order.orderNo(),
            order.ebcCode() != null ? order.ebcCode() : list == null ? null : list.ebcCode(),
            order.ebpCode(),
            list != null && list.logisticsCode() != null
                ? list.logisticsCode()
                : waybill == null ? null : waybill.logisticsCode(),
            order.payCode() != null ? order.payCode() : payment == null ? null : payment.payCode(),
            direction,
            mode,
            list == null ? null : list.country(),
            releasedAt,
            monthOf(releasedAt),
            currency,
            fx.doubleValue(),
            goodsCents,
            paidCents,
            turnoverCents,
            yuan(goodsCents),
            yuan(paidCents),
            turnoverCents / 100.0,
            declared,
            retailImport,
            taxable,
            computed,
            retailImport ? ComprehensiveTax.DEFAULT.rate().doubleValue() : null,
            difference,
            direction == Direction.E && mode == TradeMode.DIRECT_9610));
  }

  /** An amount in yuan cents at {@code cnyPerUnit}, half-up; null stays null. */
  static Long cents(BigDecimal amount, BigDecimal cnyPerUnit) {
    if (amount == null) return null;
    return amount
        .multiply(cnyPerUnit)
        .setScale(2, RoundingMode.HALF_UP)
        .movePointRight(2)
        .longValueExact();
  }

  private static Double yuan(Long cents) {
    return cents == null ? null : cents / 100.0;
  }
}
