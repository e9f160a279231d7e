package io.sanliu.jobs.risk.order;

import static io.sanliu.jobs.risk.Documents.changed;
import static io.sanliu.jobs.risk.Documents.envelope;
import static io.sanliu.jobs.risk.Documents.shipped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.model.simulation.NegativeListEntry.Subject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderRulesTest {
  static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

  static OrderContext context(
      Order order, Map<String, GoodsFiling> filings, List<NegativeListEntry> negative) {
    return new OrderContext(envelope(EventType.ORDER, order), filings, negative);
  }

  static Order withGoods(String goodsValue, String freight) {
    return changed(
        SampleEvents.order(),
        o ->
            o.put("goodsValue", new BigDecimal(goodsValue))
                .put("freight", new BigDecimal(freight)));
  }

  static GoodsFiling filing(String itemNo, String price) {
    return new GoodsFiling(
        "GR-" + itemNo,
        SampleEvents.EBC_CODE,
        itemNo,
        "奶粉",
        "0402290000",
        null,
        "116",
        "122",
        new BigDecimal(price),
        "142",
        null,
        AT);
  }

  @Test
  void singleLimitFiresAboveTheLimitOnTaxableValueOnly() {
    SingleLimitRule rule = new SingleLimitRule();
    assertEquals(
        List.of(),
        rule.evaluate(
            context(withGoods("4990.00", "10.00"), Map.of(), List.of()), shipped("single-limit")),
        "5,000.00 exactly is within the limit");
    List<Finding> over =
        rule.evaluate(
            context(withGoods("4990.00", "10.01"), Map.of(), List.of()), shipped("single-limit"));
    assertEquals(1, over.size());
    Finding f = over.get(0);
    assertEquals("taxable value 5,000.01 CNY > single limit 5,000", f.explanationEn());
    assertTrue(f.explanationZh().contains("5,000.01"), f.explanationZh());
    assertEquals("5000.01", f.evidence().get("taxableValue"));
    assertEquals(List.of(SampleEvents.EBP_CODE + ":" + SampleEvents.ORDER_NO), f.orderKeys());
    assertEquals(SampleEvents.order().buyerId().hash(), f.entityKeys().get("buyer"));
  }

  @Test
  void singleLimitIgnoresExportsAndB2b() {
    Order export =
        changed(withGoods("9000", "0"), o -> o.put("direction", "E").put("tradeMode", "9710"));
    assertEquals(
        List.of(),
        new SingleLimitRule()
            .evaluate(context(export, Map.of(), List.of()), shipped("single-limit")));
  }

  @Test
  void undervaluationComparesEachLineWithItsFiling() {
    UndervaluationRule rule = new UndervaluationRule();
    // Line SKU-0001 is priced 499.00; filed at 998.00 it is exactly half: not below 0.5.
    assertEquals(
        List.of(),
        rule.evaluate(
            context(
                SampleEvents.order(), Map.of("SKU-0001", filing("SKU-0001", "998.00")), List.of()),
            shipped("undervaluation")));
    List<Finding> low =
        rule.evaluate(
            context(
                SampleEvents.order(), Map.of("SKU-0001", filing("SKU-0001", "1996.00")), List.of()),
            shipped("undervaluation"));
    assertEquals(1, low.size());
    assertEquals("0.2500", low.get(0).evidence().get("ratio"));
    assertTrue(low.get(0).explanationEn().contains("25% of its filed price 1996.00"));
  }

  @Test
  void undervaluationSkipsLinesWithoutFilingOrInAnotherCurrency() {
    GoodsFiling usd = changed(filing("SKU-0001", "9999.00"), f -> f.put("currency", "502"));
    assertEquals(
        List.of(),
        new UndervaluationRule()
            .evaluate(
                context(SampleEvents.order(), Map.of("SKU-0001", usd), List.of()),
                shipped("undervaluation")));
  }

  @Test
  void negativeListHitsEnterpriseGoodsAndCountry() {
    NegativeListRule rule = new NegativeListRule();
    NegativeListEntry enterprise =
        new NegativeListEntry(
            "NL-E",
            Subject.ENTERPRISE,
            SampleEvents.EBC_CODE,
            null,
            null,
            null,
            "走私",
            "ZONE4403",
            AT,
            null);
    NegativeListEntry goods =
        new NegativeListEntry(
            "NL-G",
            Subject.GOODS,
            SampleEvents.EBC_CODE,
            null,
            "SKU-0002",
            null,
            "抽检不合格",
            "ZONE4403",
            AT,
            null);
    NegativeListEntry otherGoods =
        new NegativeListEntry(
            "NL-O",
            Subject.GOODS,
            SampleEvents.EBC_CODE,
            null,
            "SKU-9999",
            null,
            "抽检不合格",
            "ZONE4403",
            AT,
            null);
    NegativeListEntry country =
        new NegativeListEntry(
            "NL-C", Subject.COUNTRY, null, null, null, null, "制裁", "ZONE4403", AT, "133");
    Order order = SampleEvents.order();
    assertEquals(
        1,
        rule.evaluate(context(order, Map.of(), List.of(enterprise)), shipped("negative-list"))
            .size());
    assertEquals(
        "NL-G",
        rule.evaluate(context(order, Map.of(), List.of(goods)), shipped("negative-list"))
            .get(0)
            .evidence()
            .get("entryIds"));
    assertEquals(
        List.of(),
        rule.evaluate(context(order, Map.of(), List.of(otherGoods)), shipped("negative-list")));
    Finding byCountry =
        rule.evaluate(context(order, Map.of(), List.of(country)), shipped("negative-list")).get(0);
    assertEquals("partner country 133 is on the negative list (NL-C)", byCountry.explanationEn());
  }

  @Test
  void aRemovedEntryCoversOnlyOrdersPlacedBeforeItsRemoval() {
    Order order = SampleEvents.order();
    NegativeListEntry listed =
        new NegativeListEntry(
            "NL-R",
            Subject.ENTERPRISE,
            SampleEvents.EBC_CODE,
            null,
            null,
            null,
            "走私",
            "ZONE4403",
            AT,
            null);
    NegativeListRule rule = new NegativeListRule();
    NegativeListEntry offBefore = listed.removed(order.eventTime(), "整改完成", "admin");
    assertEquals(
        List.of(),
        rule.evaluate(context(order, Map.of(), List.of(offBefore)), shipped("negative-list")),
        "removed at the order's time: no longer in force");
    NegativeListEntry offAfter = listed.removed(order.eventTime().plusSeconds(1), "整改完成", "admin");
    assertEquals(
        "NL-R",
        rule.evaluate(context(order, Map.of(), List.of(offAfter)), shipped("negative-list"))
            .get(0)
            .evidence()
            .get("entryIds"),
        "placed while it was listed: still a hit when read after the removal");
  }
}
