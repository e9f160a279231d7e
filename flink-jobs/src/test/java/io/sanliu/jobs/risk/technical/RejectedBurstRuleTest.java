package io.sanliu.jobs.risk.technical;

import static io.sanliu.jobs.risk.technical.TechnicalFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectedBurstRuleTest {
  static final String SENDER = "4403960001";

  final RejectedBurstRule rule = new RejectedBurstRule();
  final RuleDefinition shipped = TechnicalFixtures.shipped("rejected-burst"); // 10 within 10 min

  /** A burst of {@code n} refusals 20 s apart, as the function gathers it. */
  static TechnicalContext burstOf(int n, RuleDefinition rule) {
    Burst b = null;
    TechnicalSignal last = null;
    for (int i = 0; i < n; i++) {
      last =
          TechnicalFixtures.signal(
              TechnicalFixtures.simulatorInvalid(SENDER, "M-" + i, T0.plusSeconds(20L * i)));
      b = b == null ? Burst.start(last) : b.with(last);
    }
    return new TechnicalContext(last, null, Map.of(rule.ruleId(), b));
  }

  @Test
  void aBurstReachingTheThresholdIsFoundNamingEveryGuid() {
    List<Finding> found = rule.evaluate(burstOf(10, shipped), shipped);
    assertEquals(1, found.size(), "at the threshold");
    Finding f = found.get(0);
    assertEquals(SENDER + "/M-0", f.subject());
    assertEquals(SENDER, f.enterpriseCode());
    assertEquals(10, f.messageGuids().size());
    assertEquals("M-0", f.messageGuids().get(0));
    assertEquals("M-9", f.messageGuids().get(9));
    assertEquals("10", f.evidence().get("refusals"));
    assertEquals("10", f.evidence().get("minRejected"));
    assertEquals(T0.toString(), f.evidence().get("firstRefusedAt"));
    assertEquals(T0.plusSeconds(180).toString(), f.evidence().get("lastRefusedAt"));
    assertEquals("PT3M", f.evidence().get("span"));
    assertEquals("PT10M", f.evidence().get("window"));
    assertEquals(T0, f.eventTime());
    assertEquals(50, f.score(), 1e-9);
  }

  @Test
  void oneRefusalShortOfTheThresholdIsNothing() {
    assertEquals(List.of(), rule.evaluate(burstOf(9, shipped), shipped));
  }

  @Test
  void theExplanationGivesCountSpanThresholdAndWindowInBothLanguages() {
    RuleDefinition compressed =
        TechnicalFixtures.changed("rejected-burst", Map.of("minRejected", "15", "window", "PT1M"));
    Finding f = rule.evaluate(burstOf(23, compressed), compressed).get(0);
    assertEquals(
        "发送方 " + SENDER + " 在 7分钟20秒 内被拒 23 份报文，达到激增阈值 15 份（间隔不超过 1分钟）", f.explanationZh());
    assertEquals(
        "sender "
            + SENDER
            + ": 23 documents refused within 7 min 20 s >= burst threshold 15"
            + " (gaps <= 1 min)",
        f.explanationEn());
    assertTrue(f.score() > 50);
  }

  @Test
  void anotherDefinitionsBurstDoesNotCount() {
    TechnicalContext c = burstOf(12, TechnicalFixtures.shipped("rejected-burst"));
    RuleDefinition other =
        shipped.asShadow("rejected-burst-other", Map.of(), "test", T0.plus(Duration.ofHours(1)));
    assertEquals(List.of(), rule.evaluate(c, other));
  }
}
