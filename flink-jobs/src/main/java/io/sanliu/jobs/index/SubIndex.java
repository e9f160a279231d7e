package io.sanliu.jobs.index;

/**
 * The components of the composite index (综合指数), each with its weight and whether more of its
 * measure is better. The weights add up to 1; docs/composite-index.md states them and why.
 */
public enum SubIndex {
  TRADE_VALUE("贸易额", "trade value", 0.25, true, false),
  VOLUME("订单量", "order volume", 0.20, true, false),
  ACTIVE_ENTERPRISES("活跃企业", "active enterprises", 0.15, true, false),
  CLEARANCE("通关效率", "clearance efficiency", 0.15, false, true),
  LOGISTICS("物流时效", "logistics timeliness", 0.10, false, true),
  RISK("风险", "risk", 0.15, false, true);

  private final String nameZh;
  private final String nameEn;
  private final double weight;
  private final boolean moreIsBetter;
  private final boolean sampled;

  SubIndex(String nameZh, String nameEn, double weight, boolean moreIsBetter, boolean sampled) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.weight = weight;
    this.moreIsBetter = moreIsBetter;
    this.sampled = sampled;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  public double weight() {
    return weight;
  }

  /** Value, volume and enterprises: more is better. Durations and risk: less is better. */
  public boolean moreIsBetter() {
    return moreIsBetter;
  }

  /**
   * Whether its level is a mean or rate over a sample (releases, deliveries, orders) that a handful
   * of events can swing: such a sub-index is pulled toward 100 when the sample is small.
   */
  public boolean sampled() {
    return sampled;
  }

  /** The field name of this sub-index in the index document, e.g. {@code tradeValue}. */
  public String field() {
    String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder b = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return b.toString();
  }
}
