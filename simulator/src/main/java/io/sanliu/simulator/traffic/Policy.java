package io.sanliu.simulator.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The policy numbers of retail imports (DOMAIN.md §4) and the envelope normal traffic keeps well
 * inside of, so that only labelled anomalies cross a rule's threshold.
 */
public final class Policy {
  private Policy() {}

  /** Most one retail import order may be (CNY). */
  public static final BigDecimal SINGLE_LIMIT = new BigDecimal("5000");

  /** Most one buyer may import in a calendar year (CNY). */
  public static final BigDecimal ANNUAL_QUOTA = new BigDecimal("26000");

  /** Comprehensive tax of retail imports: 13% VAT × 70%. */
  public static final BigDecimal TAX_RATE = new BigDecimal("0.091");

  /** Most a normal retail import order is (acturalPaid, CNY). */
  public static final BigDecimal NORMAL_ORDER_MAX = new BigDecimal("4000");

  /** Normal prices lie within this factor of the filed price, either way. */
  public static final double NORMAL_PRICE_LOW = 0.93;

  public static final double NORMAL_PRICE_HIGH = 1.07;

  /** Normal waybill weights lie within this factor of the list's gross weight, either way. */
  public static final double NORMAL_WEIGHT_LOW = 0.985;

  public static final double NORMAL_WEIGHT_HIGH = 1.015;

  /** Longest gap between two tracking events of a normal parcel (zone hours). */
  public static final double MAX_TRACKING_GAP_HOURS = 72;

  /**
   * The comprehensive tax of a retail import: 9.1% of goods, freight and insurance, to the cent.
   */
  public static BigDecimal tax(BigDecimal taxableValue) {
    return taxableValue.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP);
  }
}
