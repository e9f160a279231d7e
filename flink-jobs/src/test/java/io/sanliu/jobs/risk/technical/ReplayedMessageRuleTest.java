package io.sanliu.jobs.risk.technical;

import static io.sanliu.jobs.risk.technical.TechnicalFixtures.ORDER;
import static io.sanliu.jobs.risk.technical.TechnicalFixtures.PAYMENT_FIRM;
import static io.sanliu.jobs.risk.technical.TechnicalFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayedMessageRuleTest {
  final ReplayedMessageRule rule = new ReplayedMessageRule();
  final RuleDefinition shipped = TechnicalFixtures.shipped("replayed-message"); // window 2 h

  static TechnicalContext copyAfter(Duration gap) {
    TechnicalSignal copy = TechnicalFixtures.signal(TechnicalFixtures.payment("R-1", T0.plus(gap)));
    return new TechnicalContext(copy, new Sighting(T0, 1), Map.of());
  }

  @Test
  void aReplayTheGatewayRefusedIsFoundAtOnce() {
    Instant at = T0.plusSeconds(30);
    TechnicalSignal replay =
        TechnicalFixtures.signal(
            TechnicalFixtures.gatewayReplay("M-1", SampleEvents.payment(), at));
    List<Finding> found = rule.evaluate(TechnicalContext.of(replay), shipped);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals("M-1", f.subject());
    assertEquals(List.of("M-1"), f.messageGuids());
    assertEquals(List.of(ORDER), f.orderKeys());
    assertEquals(PAYMENT_FIRM, f.enterpriseCode());
    assertEquals("same message guid", f.evidence().get("form"));
    assertEquals(SampleEvents.payment().guid(), f.evidence().get("recordGuids"));
    assertEquals(at, f.eventTime());
    assertEquals("发送方 " + PAYMENT_FIRM + " 重复发送已受理的报文 M-1，网关拒收未再发布", f.explanationZh());
    assertEquals(
        "sender " + PAYMENT_FIRM + " sent accepted message M-1 again: refused", f.explanationEn());
  }

  @Test
  void aRecordGuidSeenAgainWithinTheWindowIsFoundWithTheGapAndTheWindow() {
    List<Finding> found = rule.evaluate(copyAfter(Duration.ofHours(2)), shipped);
    assertEquals(1, found.size(), "at the window's edge");
    Finding f = found.get(0);
    assertEquals("R-1", f.subject());
    assertEquals(List.of("R-1"), f.messageGuids());
    assertEquals(List.of(ORDER), f.orderKeys());
    assertEquals(PAYMENT_FIRM, f.enterpriseCode());
    assertEquals(T0.toString(), f.evidence().get("firstSeenAt"));
    assertEquals(T0.plus(Duration.ofHours(2)).toString(), f.evidence().get("seenAgainAt"));
    assertEquals("PT2H", f.evidence().get("gap"));
    assertEquals("PT2H", f.evidence().get("window"));
    assertEquals("2", f.evidence().get("sightings"));
    assertEquals("PAYMENT", f.evidence().get("recordType"));
  }

  @Test
  void theExplanationNamesTheGuidTheGapAndTheWindowInBothLanguages() {
    Finding f = rule.evaluate(copyAfter(Duration.ofMinutes(12)), shipped).get(0);
    assertEquals("记录 R-1 首次出现 12分钟 后第 2 次发布，在 2小时 去重窗口内", f.explanationZh());
    assertEquals(
        "record R-1 published 2 times, again 12 min after the first (window 2 h)",
        f.explanationEn());
  }

  @Test
  void aCopyBeyondTheWindowOrAFirstCopyIsNothing() {
    assertEquals(List.of(), rule.evaluate(copyAfter(Duration.ofHours(2).plusMillis(1)), shipped));
    TechnicalSignal first = TechnicalFixtures.signal(TechnicalFixtures.payment("R-1", T0));
    assertEquals(List.of(), rule.evaluate(new TechnicalContext(first, null, Map.of()), shipped));
  }

  @Test
  void aRefusalIsNoReplay() {
    TechnicalSignal refusal =
        TechnicalFixtures.signal(TechnicalFixtures.simulatorInvalid(PAYMENT_FIRM, "M-9", T0));
    assertEquals(List.of(), rule.evaluate(TechnicalContext.of(refusal), shipped));
  }
}
