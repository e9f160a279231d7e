package io.sanliu.simulator;

import io.sanliu.model.simulation.AnomalyKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How often each anomaly is injected: the share of order arrivals that start one (an episode, for
 * the kinds that span several orders: a split, a quota sequence, a spike, a burst). Immutable.
 */
public final class AnomalyRates {
  /** The defaults: together about 4% of arrivals. */
  private static final Map<AnomalyKind, Double> DEFAULTS = new EnumMap<>(AnomalyKind.class);

  static {
    DEFAULTS.put(AnomalyKind.MISMATCHED_DOCUMENTS, 0.004);
    DEFAULTS.put(AnomalyKind.MISSING_PAYMENT, 0.003);
    DEFAULTS.put(AnomalyKind.PAYER_NOT_BUYER, 0.003);
    DEFAULTS.put(AnomalyKind.OVER_SINGLE_LIMIT, 0.002);
    DEFAULTS.put(AnomalyKind.OVER_ANNUAL_QUOTA, 0.0005);
    DEFAULTS.put(AnomalyKind.SPLIT_ORDERS, 0.001);
    DEFAULTS.put(AnomalyKind.SHARED_IDENTITY, 0.0005);
    DEFAULTS.put(AnomalyKind.UNDERVALUED, 0.003);
    DEFAULTS.put(AnomalyKind.TAX_BELOW_COMPUTED, 0.003);
    DEFAULTS.put(AnomalyKind.EXPORT_PAID_NOT_SHIPPED, 0.002);
    DEFAULTS.put(AnomalyKind.EXPORT_NO_FX_RECEIPT, 0.002);
    DEFAULTS.put(AnomalyKind.ORPHAN_DOCUMENT, 0.002);
    DEFAULTS.put(AnomalyKind.EXPORT_DOMESTIC_PAYER, 0.002);
    DEFAULTS.put(AnomalyKind.ENTERPRISE_VOLUME_SPIKE, 0.0001);
    DEFAULTS.put(AnomalyKind.NEGATIVE_LISTED, 0.002);
    DEFAULTS.put(AnomalyKind.STALLED_PARCEL, 0.003);
    DEFAULTS.put(AnomalyKind.WEIGHT_MISMATCH, 0.003);
    DEFAULTS.put(AnomalyKind.REPLAYED_MESSAGE, 0.002);
    DEFAULTS.put(AnomalyKind.REJECTED_BURST, 0.0002);
  }

  /** Most of the arrivals that may be anomalies together. */
  public static final double MAX_TOTAL = 0.5;

  private final Map<AnomalyKind, Double> rates;

  private AnomalyRates(Map<AnomalyKind, Double> rates) {
    double total = rates.values().stream().mapToDouble(Double::doubleValue).sum();
    if (total > MAX_TOTAL + 1e-12) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "anomaly rates add up to %.4f; at most %.1f of arrivals may be anomalies",
              total,
              MAX_TOTAL));
    }
    this.rates = Collections.unmodifiableMap(new EnumMap<>(rates));
  }

  public static AnomalyRates defaults() {
    return new AnomalyRates(DEFAULTS);
  }

  /** No anomaly at all: only normal traffic. */
  public static AnomalyRates none() {
    Map<AnomalyKind, Double> zero = new EnumMap<>(AnomalyKind.class);
    for (AnomalyKind k : AnomalyKind.values()) zero.put(k, 0.0);
    return new AnomalyRates(zero);
  }

  /** The default rate of a kind. */
  public static double defaultRate(AnomalyKind kind) {
    return DEFAULTS.get(kind);
  }

  public AnomalyRates with(AnomalyKind kind, double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(kind + " rate must be between 0 and 1, not " + rate);
    }
    Map<AnomalyKind, Double> copy = new EnumMap<>(rates);
    copy.put(kind, rate);
    return new AnomalyRates(copy);
  }

  /** Every kind at the same rate. */
  public AnomalyRates withAll(double rate) {
    AnomalyRates r = this;
    for (AnomalyKind k : AnomalyKind.values()) r = r.with(k, rate);
    return r;
  }

  /**
   * These rates with overrides applied in order, each {@code KIND=RATE} ({@code
   * PAYER_NOT_BUYER=0.01}; names in any case, {@code -} for {@code _}) or {@code ALL=RATE}.
   *
   * @throws IllegalArgumentException naming the bad override and the kinds
   */
  public AnomalyRates withOverrides(List<String> overrides) {
    AnomalyRates r = this;
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq < 0) throw new IllegalArgumentException("expected KIND=RATE, not '" + o + "'");
      String name = o.substring(0, eq).trim().toUpperCase(Locale.ROOT).replace('-', '_');
      double rate;
      try {
        rate = Double.parseDouble(o.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("rate of '" + o + "' is not a number");
      }
      if (name.equals("ALL")) {
        r = r.withAll(rate);
        continue;
      }
      AnomalyKind kind;
      try {
        kind = AnomalyKind.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown anomaly kind '"
                + o.substring(0, eq).trim()
                + "'; kinds: ALL, "
                + String.join(
                    ", ", java.util.Arrays.stream(AnomalyKind.values()).map(Enum::name).toList()));
      }
      r = r.with(kind, rate);
    }
    return r;
  }

  public double rate(AnomalyKind kind) {
    return rates.getOrDefault(kind, 0.0);
  }

  public double total() {
    return rates.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  public Map<AnomalyKind, Double> asMap() {
    return rates;
  }

  /** The kind a uniform draw in [0, 1) falls on, or null for a normal order. */
  public AnomalyKind draw(double u) {
    double acc = 0;
    for (AnomalyKind k : AnomalyKind.values()) {
      acc += rate(k);
      if (u < acc) return k;
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnomalyRates other && other.rates.equals(rates);
  }

  @Override
  public int hashCode() {
    return rates.hashCode();
  }

  @Override
  public String toString() {
    return rates.toString();
  }
}
