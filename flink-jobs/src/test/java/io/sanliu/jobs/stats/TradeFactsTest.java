package io.sanliu.jobs.stats;

import static io.sanliu.jobs.stats.StatsFixtures.envelope;
import static io.sanliu.jobs.stats.StatsFixtures.item;
import static io.sanliu.jobs.stats.StatsFixtures.line;
import static io.sanliu.jobs.stats.StatsFixtures.list;
import static io.sanliu.jobs.stats.StatsFixtures.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.fx.FxRate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeFactsTest {
  static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");
  static final FxTable FX =
      FxTable.of(
          List.of(
              new FxRate("502", new BigDecimal("7.1234"), AT.minusSeconds(3600)),
              new FxRate("502", new BigDecimal("7.5000"), AT.plusSeconds(3600))));

  @Test
  void anOrderCountsItsGoodsValueInYuanAtItsTimeWithOneParcel() {
    Order o =
        order(
            "SO1",
            AT,
            Direction.E,
            TradeMode.DIRECT_9610,
            "19.99",
            "502",
            "buyer-1",
            List.of(item("A", "9.99", "502", null), item("B", "10.00", null, null)));

    TradeFact f = TradeFacts.ofOrder(envelope(o), FX);

    assertEquals(Caliber.PLATFORM, f.caliber());
    assertEquals(StatsFixtures.EBP + ":SO1", f.documentKey());
    assertEquals(AT, f.eventTime());
    assertEquals("E", f.direction());
    assertEquals("9610", f.tradeMode());
    // 19.99 x 7.1234 = 142.396766 (the rate of an hour ago, not the next one)
    assertEquals(14240, f.valueCents());
    assertEquals(1, f.parcels());
    assertNotNull(f.buyer());
    assertNull(f.portCode(), "orders name no port");
    assertEquals(TradeFacts.UNKNOWN, f.country(), "export orders name no country");
    // Lines converted one by one; the second takes the order's currency.
    assertEquals(
        List.of(
            new FactLine(StatsFixtures.EBC + ":A", null, 7116),
            new FactLine(StatsFixtures.EBC + ":B", null, 7123)),
        f.lines());
  }

  @Test
  void anOrdersCountryIsTheFirstOriginItsLinesNameAndMissingValuesAreUnknown() {
    Order o =
        order(
            "SO2",
            AT,
            null,
            null,
            null,
            "142",
            null,
            List.of(item("A", "1.00", "142", " "), item("B", "2.50", "142", "133")));

    TradeFact f = TradeFacts.ofOrder(envelope(o), FX);

    assertEquals("133", f.country());
    assertEquals(TradeFacts.UNKNOWN, f.direction());
    assertEquals(TradeFacts.UNKNOWN, f.tradeMode());
    assertEquals(350, f.valueCents(), "no goodsValue: the sum of the lines");
    assertNull(f.buyer());
  }

  @Test
  void aReleasedListCountsItsLinesAtTheDeclarationsRateWithItsPackagesAndPort() {
    Instant declared = AT;
    Instant released = AT.plusSeconds(2 * 3600); // after the rate changed
    CustomsList l =
        list(
            "SO3",
            declared,
            Direction.I,
            "502",
            3,
            List.of(
                line("1901101000", "10.01", null),
                line("1901909000", "0.07", null),
                line("3304990099", "100.00", "142")));

    TradeFact f = TradeFacts.ofRelease(new ReleasedList(l, l.guid(), "5349", released), FX);

    assertEquals(Caliber.CUSTOMS, f.caliber());
    assertEquals(released, f.eventTime(), "counted when released");
    // 10.01 x 7.1234 = 71.305234 -> 71.31; 0.07 x 7.1234 = 0.498638 -> 0.50; 100.00 yuan
    assertEquals(
        List.of(
            new FactLine("1901101000", "19", 7131),
            new FactLine("1901909000", "19", 50),
            new FactLine("3304990099", "33", 10000)),
        f.lines());
    assertEquals(7131 + 50 + 10000, f.valueCents(), "the total is the sum of the lines' cents");
    assertEquals(3, f.parcels());
    assertEquals("5345", f.portCode());
    assertEquals("116", f.country());
    assertEquals("9610", f.tradeMode());
    assertNotNull(f.buyer());
  }

  @Test
  void theListsCountedPartGivesTheSameFactAsTheWholeList() {
    CustomsList l =
        list(
            "SO5",
            AT,
            Direction.I,
            "116",
            3,
            List.of(line("1901101000", "10.01", null), line("3304990099", "100.00", "142")));
    CustomsList counted = ListDocument.countedPart(l);

    assertEquals(
        TradeFacts.ofRelease(new ReleasedList(l, "G", "5349", AT), FX),
        TradeFacts.ofRelease(new ReleasedList(counted, "G", "5349", AT), FX));
    assertEquals(l.businessKey(), counted.businessKey());
    assertEquals(l.eventTime(), counted.eventTime());
    assertNotNull(l.logisticsNo());
    assertNull(counted.logisticsNo(), "what the count does not use is not kept");
    assertNull(counted.copNo());
    assertNull(counted.trafMode());
  }

  @Test
  void aListWithoutPackagesIsOneParcel() {
    CustomsList l =
        list("SO4", AT, Direction.E, "142", null, List.of(line("6109100021", "5", null)));

    TradeFact f = TradeFacts.ofRelease(new ReleasedList(l, l.guid(), "5349", AT), FX);

    assertEquals(1, f.parcels());
    assertEquals(500, f.valueCents());
  }

  @Test
  void aDocumentInACurrencyWithoutAnyRateCannotBeCounted() {
    Order o =
        order(
            "SO5",
            AT,
            Direction.I,
            TradeMode.DIRECT_9610,
            "1.00",
            "999",
            null,
            List.of(item("A", "1.00", "999", "116")));

    assertThrows(MissingRateException.class, () -> TradeFacts.ofOrder(envelope(o), FX));
  }
}
