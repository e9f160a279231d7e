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
 * 业务量突增: an enterprise's orders in a window of {@code bucket} length at least {@code factor} times
 * its baseline (the mean per window over the {@code baselineBuckets} windows before it since its
 * first order, empty ones counting 0) and at least {@code minOrders}, once it has {@code
 * minHistoryBuckets} windows of history. The window slides by {@code step}. Raised by the order
 * with which the count gets there, and again, complete, when the window's last step closes; one
 * alert per spike: a window overlapping an earlier one that was already a spike, or one an alert
 * was raised for ({@link BucketCounts#raised}, recorded by the operator), is part of it.
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
    SpikeWindow w = SpikeWindow.of(rule);
    if (h == null || w == null || h.bucketMillis() != w.sliceMillis()) return List.of();
    if (c.order() == null) {
      long end = c.closedAt().toEpochMilli();
      if (Math.floorMod(end, w.sliceMillis()) != 0) return List.of(); // another rule's step
      long start = end - w.windowMillis();
      Judgement j = judge(h, w, rule, start);
      if (j == null || !j.reached()) return List.of();
      // Raised: completed now. Not raised: another window of the same spike was, or will be.
      if (!h.raised(start)
          && (h.raisedOverlapping(start, w.windowMillis()) || spikeBefore(h, w, rule, start))) {
        return List.of();
      }
      List<BucketOrders.SeenOrder> orders = c.orders().between(start, end);
      Instant at = crossingTime(orders, j.threshold().least(), start);
      return List.of(finding(c, rule, start, w.windowMillis(), j, orders, at));
    }
    // Every window holding the order, earliest first: the one this order takes over its
    // threshold. Orders arrive out of event-time order (from several partitions), so the window
    // that crosses need not be the one ending with the order's step.
    long last = h.startOf(c.orderTime());
    for (int i = w.slices() - 1; i >= 0; i--) {
      long start = last - i * w.sliceMillis();
      Judgement j = judge(h, w, rule, start);
      if (j == null || !j.reached() || j.threshold().reachedBy(j.count() - 1)) continue;
      if (h.raisedOverlapping(start, w.windowMillis()) || spikeBefore(h, w, rule, start)) continue;
      long end = start + w.windowMillis();
      return List.of(
          finding(
              c, rule, start, w.windowMillis(), j, c.orders().between(start, end), eventTime(c)));
    }
    return List.of();
  }

  /**
   * Whether a window overlapping the one from {@code start} from before is a spike: then this one
   * belongs to that spike, which was raised when it crossed (one alert per spike).
   */
  private static boolean spikeBefore(
      BucketCounts h, SpikeWindow w, RuleDefinition rule, long start) {
    for (int i = 1; i < w.slices(); i++) {
      Judgement before = judge(h, w, rule, start - i * w.sliceMillis());
      if (before != null && before.reached()) return true;
    }
    return false;
  }

  /** The window from {@code start} against its baseline; null when it cannot be judged yet. */
  private static Judgement judge(BucketCounts h, SpikeWindow w, RuleDefinition rule, long start) {
    if (h.firstStart() > start) return null;
    long history = (start - h.firstStart()) / w.windowMillis();
    if (history < rule.count("minHistoryBuckets")) return null;
    long k = Math.min(rule.count("baselineBuckets"), history);
    long from = start - k * w.windowMillis();
    if (!h.holds(from)) return null; // too late to judge this window
    long sum = 0;
    for (long t = from; t < start; t += w.sliceMillis()) sum += h.count(t);
    long count = 0;
    for (long t = start; t < start + w.windowMillis(); t += w.sliceMillis()) count += h.count(t);
    return new Judgement(
        count, history, new Threshold(rule.count("minOrders"), rule.decimal("factor"), sum, k));
  }

  /** A window's count, its history in windows and the threshold its baseline sets. */
  private record Judgement(long count, long history, Threshold threshold) {
    boolean reached() {
      return threshold.reachedBy(count);
    }
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
      Judgement j,
      List<BucketOrders.SeenOrder> orders,
      Instant at) {
    long count = j.count();
    Threshold t = j.threshold();
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
        .evidence("historyBuckets", j.history())
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
