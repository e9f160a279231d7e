package io.sanliu.jobs.risk.enterprise;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.jobs.risk.Spans;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * 业务量突增: an enterprise's orders in one event-time bucket at least {@code factor} times its baseline
 * (the mean per bucket over the previous {@code baselineBuckets} buckets since its first order,
 * empty ones counting 0) and at least {@code minOrders}, once it has {@code minHistoryBuckets}
 * buckets of history. Raised by the order with which the count gets there, and again, complete,
 * when the bucket closes; one alert per enterprise and bucket.
 */
public final class VolumeSpikeRule implements RiskRule<EnterpriseContext> {
  /** An alert names at most this many orders of its bucket. */
  static final int MAX_ORDER_KEYS = 1000;

  @Override
  public RuleType type() {
    return RuleType.VOLUME_SPIKE;
  }

  @Override
  public List<Finding> evaluate(EnterpriseContext c, RuleDefinition rule) {
    BucketCounts h = c.counts().get(rule.ruleId());
    Duration length = rule.duration("bucket");
    long bucket = length.toMillis();
    if (h == null || bucket <= 0 || h.bucketMillis() != bucket) return List.of();
    boolean closing = c.order() == null;
    long start;
    if (closing) {
      long end = c.closedAt().toEpochMilli();
      if (Math.floorMod(end, bucket) != 0) return List.of(); // another rule's bucket ends here
      start = end - bucket;
    } else {
      start = h.startOf(c.orderTime());
    }
    if (h.firstStart() > start) return List.of();
    long history = (start - h.firstStart()) / bucket;
    if (history < rule.count("minHistoryBuckets")) return List.of();
    long k = Math.min(rule.count("baselineBuckets"), history);
    if (!h.holds(start - k * bucket)) return List.of(); // too late to judge this bucket
    long sum = 0;
    for (long i = 1; i <= k; i++) sum += h.count(start - i * bucket);
    Threshold t = new Threshold(rule.count("minOrders"), rule.decimal("factor"), sum, k);
    long count = h.count(start);
    if (!t.reachedBy(count)) return List.of();
    if (!closing && t.reachedBy(count - 1)) return List.of(); // raised already in this bucket
    List<BucketOrders.SeenOrder> orders = c.orders().between(start, start + bucket);
    Instant at = closing ? crossingTime(orders, t.least(), start) : eventTime(c);
    return List.of(finding(c, rule, start, bucket, count, t, history, orders, at));
  }

  private static Instant eventTime(EnterpriseContext c) {
    return Instant.ofEpochMilli(c.orderTime());
  }

  /** When the bucket's count got there: the time of its {@code least}-th order. */
  private static Instant crossingTime(List<BucketOrders.SeenOrder> orders, long least, long start) {
    int index = (int) Math.max(0, Math.min(orders.size(), least) - 1);
    return orders.isEmpty()
        ? Instant.ofEpochMilli(start)
        : Instant.ofEpochMilli(orders.get(index).time());
  }

  private static Finding finding(
      EnterpriseContext c,
      RuleDefinition rule,
      long start,
      long bucket,
      long count,
      Threshold t,
      long history,
      List<BucketOrders.SeenOrder> orders,
      Instant at) {
    Instant from = Instant.ofEpochMilli(start);
    Instant to = Instant.ofEpochMilli(start + bucket);
    String baseline = t.baseline().toPlainString();
    String factor = t.factor().stripTrailingZeros().toPlainString();
    String times =
        t.baseline().signum() > 0
            ? BigDecimal.valueOf(count)
                .divide(t.baseline(), 1, RoundingMode.HALF_UP)
                .toPlainString()
            : null;
    String length = Spans.en(Duration.ofMillis(bucket));
    Finding.Builder f = Finding.about(c.ebcCode() + "/" + from);
    orders.stream().limit(MAX_ORDER_KEYS).forEach(o -> f.order(o.orderKey()));
    return f.enterprise(c.ebcCode())
        .explain(
            "企业 "
                + c.ebcCode()
                + " 自 "
                + from
                + " 起 "
                + Spans.zh(Duration.ofMillis(bucket))
                + "内订单 "
                + count
                + " 笔，"
                + (times == null ? "" : "为")
                + "基线每期 "
                + baseline
                + " 笔"
                + (times == null ? "" : "的 " + times + " 倍")
                + "（阈值 "
                + factor
                + " 倍，至少 "
                + t.minOrders()
                + " 笔）",
            "enterprise "
                + c.ebcCode()
                + ": "
                + count
                + " orders in the "
                + length
                + " from "
                + from
                + ", "
                + (times == null ? "" : times + " x ")
                + "its baseline of "
                + baseline
                + " per bucket (factor "
                + factor
                + ", at least "
                + t.minOrders()
                + ")")
        .evidence("bucketStart", from)
        .evidence("bucketEnd", to)
        .evidence("count", count)
        .evidence("baseline", baseline)
        .evidence("baselineBuckets", t.buckets())
        .evidence("historyBuckets", history)
        .evidence("factor", factor)
        .evidence("minOrders", t.minOrders())
        .evidence("threshold", t.least())
        .evidence("complete", c.order() == null)
        .score(Finding.excessScore(count, t.least(), false))
        .at(at)
        .ingestedAt(c.order() == null ? null : c.order().ingestTime())
        .build();
  }

  /**
   * {@code count >= max(minOrders, factor x sum / buckets)}, compared exactly ({@code count x
   * buckets >= factor x sum}).
   */
  record Threshold(long minOrders, BigDecimal factor, long sum, long buckets) {
    boolean reachedBy(long count) {
      if (count < minOrders) return false;
      if (buckets == 0) return true;
      return BigDecimal.valueOf(count * buckets).compareTo(factor.multiply(BigDecimal.valueOf(sum)))
          >= 0;
    }

    /** Mean orders per bucket, two decimals. */
    BigDecimal baseline() {
      return buckets == 0
          ? BigDecimal.ZERO
          : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(buckets), 2, RoundingMode.HALF_UP);
    }

    /** The fewest orders that reach it. */
    long least() {
      if (buckets == 0) return minOrders;
      BigDecimal needed =
          factor
              .multiply(BigDecimal.valueOf(sum))
              .divide(BigDecimal.valueOf(buckets), 0, RoundingMode.CEILING);
      return Math.max(minOrders, needed.longValueExact());
    }
  }
}
