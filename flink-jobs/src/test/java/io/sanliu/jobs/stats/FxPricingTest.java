package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.envelope;
import static io.sanliu.jobs.stats.StatsFixtures.item;
import static io.sanliu.jobs.stats.StatsFixtures.line;
import static io.sanliu.jobs.stats.StatsFixtures.list;
import static io.sanliu.jobs.stats.StatsFixtures.order;
import static io.sanliu.jobs.stats.StatsFixtures.receipt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.kafka.DeadLetter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class FxPricingTest {
  static final Instant DAY = Instant.parse("2026-11-21T16:00:00Z");
  static final Instant AT = DAY.plusSeconds(3600);

  static Envelope<Order> usdOrder(String orderNo, String amount, String currency) {
    return envelope(
        order(
            orderNo,
            AT,
            Direction.E,
            TradeMode.DIRECT_9610,
            amount,
            currency,
            null,
            List.of(item("A", amount, currency, null))));
  }

  static KeyedBroadcastOperatorTestHarness<String, Envelope<Order>, FxRate, TradeFact> orders()
      throws Exception {
    return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
        new FirstOrderFacts("flink:test"), Envelope::key, Types.STRING, FxPricing.RATES);
  }

  @Test
  void aPublishedRateConvertsTheDocumentsAfterIt() throws Exception {
    try (var harness = orders()) {
      harness.processElement(usdOrder("SO1", "100.00", "502"), AT.toEpochMilli());
      harness.processBroadcastElement(new FxRate("502", new BigDecimal("7.2000"), DAY), 0);
      harness.processElement(usdOrder("SO2", "100.00", "502"), AT.toEpochMilli());

      assertEquals(
          List.of(71000L, 72000L),
          harness.extractOutputValues().stream().map(TradeFact::valueCents).toList(),
          "before the rate arrived the default table priced the order; it is not restated");
    }
  }

  @Test
  void theRatesSurviveARestore() throws Exception {
    OperatorSubtaskState checkpoint;
    try (var harness = orders()) {
      harness.processBroadcastElement(new FxRate("502", new BigDecimal("7.2000"), DAY), 0);
      checkpoint = harness.snapshot(1, 1);
    }
    try (var restored =
        new KeyedBroadcastOperatorTestHarness<>(
            new CoBroadcastWithKeyedOperator<>(
                new FirstOrderFacts("flink:test"), List.of(FxPricing.RATES)),
            Envelope::key,
            Types.STRING,
            1,
            1,
            0)) {
      restored.initializeState(checkpoint);
      restored.open();
      restored.processElement(usdOrder("SO1", "100.00", "502"), AT.toEpochMilli());

      assertEquals(72000L, restored.extractOutputValues().get(0).valueCents());
    }
  }

  @Test
  void aDocumentInACurrencyWithoutARateGoesToTheDeadLetterTopic() throws Exception {
    try (var harness = orders()) {
      harness.processElement(usdOrder("SO1", "1.00", "999"), AT.toEpochMilli());

      assertEquals(List.of(), harness.extractOutputValues());
      var side = harness.getSideOutput(FxPricing.UNPRICED);
      assertEquals(1, side.size());
      DeadLetter letter = side.stream().map(StreamRecord::getValue).findFirst().orElseThrow();
      assertEquals("flink:test", letter.stage());
      assertEquals("G-SO1", letter.messageGuid());
      assertEquals("currency", letter.errors().get(0).path());
      assertTrue(letter.errors().get(0).reason().contains("'999'"));
      assertTrue(letter.payload().contains("\"orderNo\":\"SO1\""));
    }
  }

  static KeyedBroadcastOperatorTestHarness<String, ListDocument, FxRate, TradeFact> releases()
      throws Exception {
    var harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new ReleaseJoin(Duration.ofDays(7), "flink:test"),
            ListDocument::joinKey,
            Types.STRING,
            FxPricing.RATES);
    // The rates stand at the end of event time in the job (ReferenceWatermarks.none()).
    harness.processBroadcastWatermark(Long.MAX_VALUE);
    return harness;
  }

  /** Files the list and its release, then lets event time pass the release. */
  static void release(
      KeyedBroadcastOperatorTestHarness<String, ListDocument, FxRate, TradeFact> harness,
      CustomsList l,
      Instant released)
      throws Exception {
    harness.processElement(
        ListDocument.ofList(envelope(l)).orElseThrow(), l.eventTime().toEpochMilli());
    CustomsReceipt r = receipt(l.orderNo(), null, CustomsReceipt.RELEASED, released);
    harness.processElement(
        ListDocument.ofReceipt(envelope(r)).orElseThrow(), released.toEpochMilli());
    harness.processWatermark(released.toEpochMilli());
  }

  @Test
  void releasedListsArePricedAtTheirDeclarationWithTheRatesOfThatTime() throws Exception {
    try (var harness = releases()) {
      harness.processBroadcastElement(new FxRate("502", new BigDecimal("7.0000"), DAY), 0);
      harness.processBroadcastElement(
          new FxRate("502", new BigDecimal("9.0000"), AT.plusSeconds(60)), 0);
      CustomsList l =
          list("SO1", AT, Direction.E, "502", 2, List.of(line("6109100021", "10", null)));
      Instant released = AT.plusSeconds(3600);

      release(harness, l, released);

      TradeFact f = harness.extractOutputValues().get(0);
      assertEquals(7000, f.valueCents());
      assertEquals(released, f.eventTime());
      assertEquals(Caliber.CUSTOMS, f.caliber());
    }
  }

  @Test
  void aReleasedListInACurrencyWithoutARateGoesToTheDeadLetterTopic() throws Exception {
    try (var harness = releases()) {
      CustomsList l =
          list("SO1", AT, Direction.E, "999", 1, List.of(line("6109100021", "10", null)));

      release(harness, l, AT.plusSeconds(3600));

      assertEquals(List.of(), harness.extractOutputValues());
      var side = harness.getSideOutput(FxPricing.UNPRICED);
      assertEquals(1, side.size(), "one letter, though the list is filed under three keys");
      DeadLetter letter = side.stream().map(StreamRecord::getValue).findFirst().orElseThrow();
      assertEquals(l.guid(), letter.messageGuid());
      assertEquals("currency", letter.errors().get(0).path());
      assertTrue(letter.payload().contains("\"orderNo\":\"SO1\""));
    }
  }
}
