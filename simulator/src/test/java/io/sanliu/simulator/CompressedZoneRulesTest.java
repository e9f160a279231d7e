package io.sanliu.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompressedZoneRulesTest {
  static RuleDefinition rule(List<RuleDefinition> rules, String id) {
    return rules.stream().filter(r -> r.ruleId().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyShippedRuleComesAsAValidNewerVersion() {
    List<RuleDefinition> rules = CompressedZoneRules.of(SimulatorOptions.defaults());
    assertEquals(DefaultRules.all().size(), rules.size());
    for (RuleDefinition r : rules) {
      assertEquals(List.of(), r.problems(), r.ruleId());
      assertEquals(rule(DefaultRules.all(), r.ruleId()).version() + 1, r.version(), r.ruleId());
    }
  }

  @Test
  void durationsAreDividedByTheCompressionDownToAFloor() {
    List<RuleDefinition> rules =
        CompressedZoneRules.of(SimulatorOptions.defaults().withCompression(3600));
    // A stall of 96 zone hours is 96 s of event time.
    assertEquals(Duration.ofSeconds(96), rule(rules, "stalled-parcel").duration("silence"));
    List<RuleDefinition> fast =
        CompressedZoneRules.of(SimulatorOptions.defaults().withCompression(1_000_000));
    assertEquals(CompressedZoneRules.FLOOR, rule(fast, "stalled-parcel").duration("silence"));
  }

  @Test
  void theSpikeWindowHoldsAWholeSpikeAndSlidesByASixth() {
    RuleDefinition spike =
        rule(
            CompressedZoneRules.of(SimulatorOptions.defaults().withCompression(14_400)),
            "volume-spike");
    // Twelve zone hours at 14,400: 3 s, below the floor of the other durations on purpose.
    assertEquals(Duration.ofSeconds(3), spike.duration("bucket"));
    assertEquals(Duration.ofMillis(500), spike.duration("step"));
    assertEquals(10, spike.count("minOrders"), "above a shared-identity episode's orders");
  }

  @Test
  void theMatcherDeadlinesAreCompressedToo() {
    var timeouts =
        CompressedZoneRules.matchTimeouts(SimulatorOptions.defaults().withCompression(60));
    assertEquals("PT30S", timeouts.get(ConfigKey.MATCH_PAYMENT_WAIT));
    assertEquals("PT1H36M", timeouts.get(ConfigKey.MATCH_DOCUMENTS_WAIT));
  }
}
