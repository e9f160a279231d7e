package io.sanliu.jobs.risk.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.group.TestOrders;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeSpikeRuleTest {
  /** Fixed hourly windows (a step as long as the window); sliding windows are tested below. */
  static final RuleDefinition SPIKE = fixed(Map.of());

  static RuleDefinition fixed(Map<String, String> params) {
    Map<String, String> p = new java.util.HashMap<>(params);
    p.putIfAbsent("step", p.getOrDefault("bucket", "PT1H"));
    return TestOrders.changed("volume-spike", p);
  }

  static final Instant H0 = Instant.parse("2026-11-22T00:00:00Z");
  static final String EBC = "4403960A01";

  final VolumeSpikeRule rule = new VolumeSpikeRule();
  final List<BucketOrders.SeenOrder> seen = new ArrayList<>();
  BucketCounts counts = BucketCounts.empty(3_600_000);
  int next;

  /** Counts {@code n} orders in hour {@code hour} (from H0), a minute apart. */
  void orders(int hour, int n) {
    for (int i = 0; i < n; i++) count(H0.plus(Duration.ofHours(hour)).plusSeconds(60L * i));
  }

  TestOrders.Draft count(Instant at) {
    TestOrders.Draft d = TestOrders.order("SO" + (++next)).ebc(EBC).at(at);
    counts = counts.add(at.toEpochMilli());
    seen.add(new BucketOrders.SeenOrder(TestOrders.key("SO" + next), at.toEpochMilli()));
    return d;
  }

  /** Counts one more order at {@code at}; what the rule finds on it. */
  List<Finding> order(Instant at, RuleDefinition definition) {
    TestOrders.Draft d = count(at);
    return rule.evaluate(
        EnterpriseContext.counted(d.envelope(), Map.of(definition.ruleId(), counts), this::between),
        definition);
  }

  List<Finding> close(Instant end, RuleDefinition definition) {
    return rule.evaluate(
        EnterpriseContext.closing(EBC, end, Map.of(definition.ruleId(), counts), this::between),
        definition);
  }

  List<BucketOrders.SeenOrder> between(long from, long to) {
    return seen.stream().filter(o -> o.time() >= from && o.time() < to).toList();
  }

  static Instant hour(int h, int minute) {
    return H0.plus(Duration.ofHours(h)).plusSeconds(60L * minute);
  }

  @Test
  void firesWhenTheCountReachesFactorTimesTheBaselineAndOnlyThen() {
    for (int h = 0; h < 6; h++) orders(h, 2);
    orders(6, 8);
    assertEquals(List.of(), order(hour(6, 30), SPIKE), "9 < max(10, 5 x 2)");
    List<Finding> found = order(hour(6, 31), SPIKE);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(EBC + "/2026-11-22T06:00:00Z", f.subject());
    assertEquals(EBC, f.enterpriseCode());
    assertEquals("10", f.evidence().get("count"));
    assertEquals("2.00", f.evidence().get("baseline"));
    assertEquals("5", f.evidence().get("factor"));
    assertEquals("10", f.evidence().get("threshold"));
    assertEquals("2026-11-22T06:00:00Z", f.evidence().get("bucketStart"));
    assertEquals("2026-11-22T07:00:00Z", f.evidence().get("bucketEnd"));
    assertEquals(hour(6, 31), f.eventTime());
    assertEquals(10, f.orderKeys().size(), "the bucket's orders");
    assertEquals(
        "企业 4403960A01 自 2026-11-22T06:00:00Z 起 1小时内订单 10 笔，为基线每期 2.00 笔的 5.0 倍（阈值 5 倍，至少 10 笔）",
        f.explanationZh());
    assertEquals(
        "enterprise 4403960A01: 10 orders in the 1 h from 2026-11-22T06:00:00Z, 5.0 x its baseline"
            + " of 2.00 per bucket (factor 5, at least 10)",
        f.explanationEn());
    assertEquals(List.of(), order(hour(6, 32), SPIKE), "raised once as it crosses");
  }

  @Test
  void theClosedBucketIsReportedComplete() {
    for (int h = 0; h < 6; h++) orders(h, 2);
    orders(6, 14);
    List<Finding> found = close(hour(7, 0), SPIKE);
    assertEquals(1, found.size());
    assertEquals("14", found.get(0).evidence().get("count"));
    assertEquals("true", found.get(0).evidence().get("complete"));
    assertEquals(hour(6, 9), found.get(0).eventTime(), "when the tenth order came");
    assertEquals(EBC + "/2026-11-22T06:00:00Z", found.get(0).subject());
    assertEquals(List.of(), close(hour(6, 0), SPIKE), "the bucket before was normal");
    assertEquals(List.of(), close(hour(6, 30), SPIKE), "no bucket of an hour ends at half past");
  }

  @Test
  void noJudgementBeforeEnoughHistory() {
    for (int h = 0; h < 5; h++) orders(h, 2);
    orders(5, 49);
    assertEquals(List.of(), order(hour(5, 50), SPIKE), "5 buckets of history < 6");
    RuleDefinition patient = fixed(Map.of("minHistoryBuckets", "5"));
    assertEquals(1, close(hour(6, 0), patient).size());
  }

  @Test
  void emptyBucketsSinceTheFirstOrderCountAsZero() {
    orders(0, 12);
    orders(6, 9);
    // baseline (12 + 0 x 5) / 6 = 2: ten orders are a spike.
    List<Finding> found = order(hour(6, 40), SPIKE);
    assertEquals("2.00", found.get(0).evidence().get("baseline"));
    assertEquals("6", found.get(0).evidence().get("historyBuckets"));
  }

  @Test
  void aQuietEnterpriseNeedsAtLeastMinOrders() {
    for (int h = 0; h < 6; h++) orders(h, (h + 1) % 2);
    orders(6, 8);
    assertEquals(List.of(), order(hour(6, 30), SPIKE), "9 orders: 18 x baseline but under 10");
    assertEquals(1, order(hour(6, 31), SPIKE).size());
  }

  @Test
  void theBaselineIsTheMeanOfTheLastBaselineBuckets() {
    for (int h = 0; h < 6; h++) orders(h, 10);
    for (int h = 6; h < 9; h++) orders(h, 1);
    orders(9, 9);
    RuleDefinition shortMemory = fixed(Map.of("baselineBuckets", "3"));
    List<Finding> found = order(hour(9, 30), shortMemory);
    assertEquals("1.00", found.get(0).evidence().get("baseline"), "the last three hours only");
    assertEquals(List.of(), close(hour(10, 0), SPIKE), "over 24 buckets: 63 / 9 = 7, 10 < 35");
  }

  @Test
  void countsOfAnotherBucketLengthAreNotJudged() {
    for (int h = 0; h < 6; h++) orders(h, 2);
    orders(6, 20);
    RuleDefinition halfHour = fixed(Map.of("bucket", "PT30M"));
    assertEquals(List.of(), order(hour(6, 21), halfHour));
  }

  @Test
  void aSpikeAcrossTwoFixedHoursIsFoundWholeBySlidingWindows() {
    // Six quiet hours of two orders, then 12 orders from 6:40 to 7:20: seven in hour 6 and five in
    // hour 7, neither hour a spike of ten; the hour from 6:30 holds all twelve.
    for (int h = 0; h < 6; h++) orders(h, 2);
    List<Finding> fixedHours = new ArrayList<>();
    List<Finding> sliding = new ArrayList<>();
    BucketCounts hourly = counts;
    counts = BucketCounts.empty(900_000);
    seen.clear();
    for (int h = 0; h < 6; h++) orders(h, 2);
    BucketCounts quarters = counts;
    RuleDefinition slidingRule = TestOrders.defaultRule("volume-spike");
    for (int i = 0; i < 12; i++) {
      Instant at = hour(6, 40).plusSeconds(240L * i);
      counts = hourly;
      fixedHours.addAll(order(at, SPIKE));
      hourly = counts;
      seen.remove(seen.size() - 1);
      counts = quarters;
      sliding.addAll(order(at, slidingRule));
      quarters = counts;
    }
    assertEquals(List.of(), fixedHours, "halved by the hour boundary");
    assertEquals(1, sliding.size(), "one alert for the spike");
    Finding f = sliding.get(0);
    assertEquals("2026-11-22T06:30:00Z", f.evidence().get("bucketStart"));
    assertEquals("2026-11-22T07:30:00Z", f.evidence().get("bucketEnd"));
    assertEquals("10", f.evidence().get("count"));
    assertEquals(EBC + "/2026-11-22T06:30:00Z", f.subject());
  }

  @Test
  void theWindowsAfterTheFirstOfASpikeRaiseNothingMore() {
    RuleDefinition slidingRule = TestOrders.defaultRule("volume-spike");
    counts = BucketCounts.empty(900_000);
    for (int h = 0; h < 7; h++) orders(h, 2);
    List<Finding> found = new ArrayList<>();
    // Ninety minutes of a spike: forty orders, one every 135 s from 7:00. The tenth, at 7:20:15,
    // makes the window from 6:30 a spike (the one from 6:15 holds seven).
    for (int i = 0; i < 40; i++) {
      found.addAll(order(hour(7, 0).plusSeconds(135L * i), slidingRule));
    }
    assertEquals(
        1, found.size(), "the windows overlapping the first spike window are the same spike");
    List<Finding> closed = new ArrayList<>();
    for (int q = 1; q <= 8; q++) {
      closed.addAll(close(hour(7, 0).plusSeconds(900L * q), slidingRule));
    }
    assertEquals(1, closed.size(), "completed once, when its window closed");
    assertEquals(found.get(0).subject(), closed.get(0).subject());
    assertEquals("2026-11-22T07:30:00Z", closed.get(0).evidence().get("bucketEnd"));
    assertEquals(hour(7, 20).plusSeconds(15), closed.get(0).eventTime(), "when the tenth came");
  }

  @Test
  void aStepLongerThanTheWindowIsAProblem() {
    RuleDefinition bad = TestOrders.changed("volume-spike", Map.of("step", "PT2H"));
    assertEquals(List.of("params.step must not be longer than params.bucket"), bad.problems());
    assertEquals(
        new SpikeWindow(900_000, 4), SpikeWindow.of(TestOrders.defaultRule("volume-spike")));
    assertEquals(
        new SpikeWindow(1_800_000, 2),
        SpikeWindow.of(TestOrders.changed("volume-spike", Map.of("step", "PT25M"))),
        "an hour in the whole steps of 25 min it holds (two), evenly");
  }
}
