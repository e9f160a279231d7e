package io.sanliu.jobs.risk.goods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.Documents;
import io.sanliu.jobs.risk.ReferenceState;
import io.sanliu.jobs.risk.ReferenceUpdate;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.risk.RuleType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HsPriceRuleFunctionTest {
  static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");
  KeyedBroadcastOperatorTestHarness<String, PricedLine, ReferenceUpdate, RiskAlert> harness;
  int orders;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
            new HsPriceRuleFunction(),
            PricedLine::priceKey,
            Types.STRING,
            ReferenceState.descriptors());
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  PricedLine line(String itemNo, String price) {
    orders++;
    return new PricedLine(
        "4403960001:SO" + orders,
        "4403960A01",
        TradeMode.DIRECT_9610,
        itemNo,
        null,
        "3304990099",
        "142",
        new BigDecimal(price),
        AT.plusSeconds(orders),
        AT.plusSeconds(orders));
  }

  void send(PricedLine l) throws Exception {
    harness.processElement(l, l.eventTime().toEpochMilli());
  }

  @Test
  void unfiledGoodsFarBelowTheirHsCodesMedianAreUndervalued() throws Exception {
    for (int i = 0; i < 20; i++) send(line("SKU-" + i, i % 2 == 0 ? "100.00" : "110.00"));
    assertEquals(List.of(), harness.extractOutputValues(), "normal prices");
    send(line("SKU-X", "60.00"));
    assertEquals(List.of(), harness.extractOutputValues(), "60 is more than half of 105");
    send(line("SKU-Y", "40.00"));
    List<RiskAlert> alerts = harness.extractOutputValues();
    assertEquals(1, alerts.size());
    RiskAlert a = alerts.get(0);
    assertEquals(RuleType.UNDERVALUATION, a.ruleType());
    assertEquals("100.00", a.evidence().get("medianPrice"));
    assertEquals("21", a.evidence().get("samples"));
    assertTrue(
        a.explanationEn().contains("40% of the HS code's recent median 100.00"), a.explanationEn());
  }

  @Test
  void noMedianUntilEnoughPricesAndFiledGoodsAreLeftToTheirFiling() throws Exception {
    for (int i = 0; i < 5; i++) send(line("SKU-" + i, "100.00"));
    send(line("SKU-Z", "10.00"));
    assertEquals(List.of(), harness.extractOutputValues(), "5 prices are no reference");
    harness.processBroadcastElement(
        ReferenceUpdate.of(Documents.changedRule("undervaluation", Map.of("minSamples", "5"))), 0L);
    harness.processBroadcastElement(
        ReferenceUpdate.of(
            new GoodsFiling(
                "GR-F",
                "4403960A01",
                "SKU-F",
                "面霜",
                "3304990099",
                null,
                "410",
                "142",
                new BigDecimal("12.00"),
                "142",
                AppType.NEW,
                AT)),
        0L);
    send(line("SKU-F", "10.00"));
    assertEquals(List.of(), harness.extractOutputValues(), "a filed item is judged on its order");
    send(line("SKU-Q", "10.00"));
    assertEquals(1, harness.extractOutputValues().size());
    assertEquals(2, harness.extractOutputValues().get(0).ruleVersion());
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertNull(HsPriceRuleFunction.median(List.of()));
    assertEquals(
        new BigDecimal("2"),
        HsPriceRuleFunction.median(
            List.of(new BigDecimal("3"), BigDecimal.ONE, new BigDecimal("2"))));
    assertEquals(
        0,
        new BigDecimal("2.5")
            .compareTo(
                HsPriceRuleFunction.median(
                    List.of(
                        BigDecimal.ONE,
                        new BigDecimal("2"),
                        new BigDecimal("3"),
                        new BigDecimal("4")))));
  }
}
