package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.envelope;
import static io.sanliu.jobs.stats.StatsFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.fx.FxRate;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FirstOrderFactsTest {
  static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");
  KeyedBroadcastOperatorTestHarness<String, Envelope<Order>, FxRate, TradeFact> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new FirstOrderFacts("flink:test"), e -> e.key(), Types.STRING, FxPricing.RATES);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(String orderNo, Instant at, String buyer) throws Exception {
    harness.processElement(envelope(order(orderNo, at, buyer)), at.toEpochMilli());
  }

  List<String> passed() {
    return harness.extractOutputValues().stream()
        .map(f -> f.documentKey().substring(f.documentKey().indexOf(':') + 1) + "/" + f.eventTime())
        .toList();
  }

  @Test
  void anOrderPushedAgainIsCountedOnce() throws Exception {
    send("SO1", AT, "a");
    send("SO2", AT.plusSeconds(1), "b");
    send("SO1", AT.plusSeconds(2), "a"); // a replay in a new message, a retry

    assertEquals(List.of("SO1/" + AT, "SO2/" + AT.plusSeconds(1)), passed());
  }

  @Test
  void anOrderKeyIsForgottenAfterTwoDays() throws Exception {
    harness.setStateTtlProcessingTime(0);
    send("SO1", AT, "a");
    harness.setStateTtlProcessingTime(FirstOrderFacts.REMEMBERED.toMillis() + 1);
    send("SO1", AT, "a");

    assertEquals(2, passed().size());
  }
}
