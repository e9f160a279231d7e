package io.sanliu.simulator.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.codes.Country;
import io.sanliu.model.codes.CreditCode;
import io.sanliu.model.codes.CurrencyCode;
import io.sanliu.model.codes.HsCode;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.model.simulation.NegativeListEntry.Subject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ZoneTest {
  static final Zone ZONE = Zone.build(42, ZoneShape.DEFAULT);

  static List<Goods> goods() {
    return ZONE.enterprises().stream().flatMap(e -> e.goods().stream()).toList();
  }

  @Test
  void hundredsOfEnterprisesWithUniqueCodesAndValidCreditCodes() {
    assertEquals(300, ZONE.enterprises().size());
    Set<String> codes = new HashSet<>();
    for (Enterprise e : ZONE.enterprises()) {
      assertTrue(codes.add(e.code()), "unique " + e.code());
      assertEquals(10, e.code().length());
      assertTrue(CreditCode.checkCharacterMatches(e.creditCode()), e.creditCode());
      assertFalse(e.goods().isEmpty());
      assertFalse(e.platforms().isEmpty());
      assertTrue(Country.isKnown(e.country()), e.country());
    }
    assertEquals(
        300, ZONE.enterprises().stream().map(Enterprise::name).collect(Collectors.toSet()).size());
  }

  @Test
  void goodsOverManyHsChaptersWithFiledPricesKnownCurrenciesAndBarCodes() {
    List<Goods> goods = goods();
    assertTrue(goods.size() > 2000, "goods: " + goods.size());
    Set<String> chapters =
        goods.stream().map(g -> g.gcode().substring(0, 2)).collect(Collectors.toSet());
    assertTrue(chapters.size() >= 25, "chapters: " + chapters);
    Set<String> records = new HashSet<>();
    for (Goods g : goods) {
      assertTrue(records.add(g.itemRecordNo()), g.itemRecordNo());
      assertTrue(HsCode.isValid(g.gcode()), g.gcode());
      assertTrue(g.filedPrice().signum() > 0, g.toString());
      assertTrue(CurrencyCode.find(g.currency()).isPresent(), g.currency());
      assertTrue(Country.isKnown(g.originCountry()), g.originCountry());
      assertEquals(13, g.barCode().length());
      int sum = 0;
      for (int i = 0; i < 12; i++) sum += (g.barCode().charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
      assertEquals((10 - sum % 10) % 10, g.barCode().charAt(12) - '0', g.barCode());
    }
    assertTrue(goods.stream().anyMatch(Goods::luxury), "luxury goods for the single-limit anomaly");
    assertTrue(
        goods.stream()
            .filter(g -> !g.luxury() && g.currency().equals("142"))
            .allMatch(g -> g.filedPrice().doubleValue() <= 3000),
        "normal imports fit one order");
  }

  @Test
  void everyFlowHasEnterprisesAndSharesAddUp() {
    for (Flow f : Flow.values()) {
      assertTrue(
          ZONE.normalEnterprises(f).size() >= 10, f + " " + ZONE.normalEnterprises(f).size());
    }
    double total = ZONE.enterprises().stream().mapToDouble(ZONE::orderShare).sum();
    assertEquals(1.0, total, 1e-9);
    assertEquals(1.0, java.util.Arrays.stream(Flow.values()).mapToDouble(Flow::share).sum(), 1e-9);
  }

  @Test
  void exportMarketsAreKnownCountriesWithTheirCurrency() {
    for (Enterprise e : ZONE.enterprises()) {
      if (e.importer()) {
        assertEquals("142", e.currency());
        continue;
      }
      assertFalse(e.markets().isEmpty());
      for (String m : e.markets()) {
        assertTrue(Country.isKnown(m), m);
        assertEquals(Markets.CURRENCY.get(m).code(), e.currency(), e.code() + " sells to " + m);
      }
    }
  }

  @Test
  void theNegativeListHoldsEnterprisesAndGoodsThatNormalTrafficAvoids() {
    List<NegativeListEntry> list = ZONE.negativeList(Instant.parse("2026-11-22T00:00:00Z"));
    assertTrue(list.stream().filter(e -> e.subject() == Subject.ENTERPRISE).count() >= 2);
    assertTrue(list.stream().filter(e -> e.subject() == Subject.GOODS).count() >= 2);
    assertEquals(list.size(), list.stream().map(NegativeListEntry::entryId).distinct().count());
    Set<String> listed =
        list.stream()
            .filter(e -> e.subject() == Subject.ENTERPRISE)
            .map(NegativeListEntry::enterpriseCode)
            .collect(Collectors.toSet());
    for (Flow f : Flow.values()) {
      assertTrue(ZONE.normalEnterprises(f).stream().noneMatch(e -> listed.contains(e.code())));
    }
    for (Goods g : goods()) {
      boolean covered =
          list.stream()
              .anyMatch(
                  e ->
                      e.subject() == Subject.GOODS
                          && e.covers(g.ebcCode(), g.itemRecordNo(), g.itemNo()));
      assertEquals(covered, !ZONE.normalGoods(g) && !g.luxury(), g.itemRecordNo());
    }
  }

  @Test
  void theSameSeedIsTheSameZone() {
    Zone again = Zone.build(42, ZoneShape.DEFAULT);
    assertEquals(ZONE.enterprises(), again.enterprises());
    assertEquals(ZONE.negativeSubjects(), again.negativeSubjects());
  }

  @Test
  void peopleHaveValidUniqueIdsTelephonesAndAddresses() {
    People people = new People(new Rand(1));
    Set<String> ids = new HashSet<>();
    Set<String> phones = new HashSet<>();
    Set<String> addresses = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      Person p = people.resident();
      assertTrue(People.validResidentId(p.idNumber()), p.idNumber());
      assertTrue(ids.add(p.idNumber()));
      assertTrue(phones.add(p.telephone()));
      assertTrue(addresses.add(p.address()));
      assertTrue(p.telephone().matches("1[3-9]\\d{9}"), p.telephone());
      assertTrue(
          p.address()
              .startsWith(
                  Area.ALL.stream()
                      .filter(a -> a.code().equals(p.district()))
                      .findFirst()
                      .orElseThrow()
                      .prefix()));
      assertEquals(p.district(), p.idNumber().substring(0, 6));
    }
    // GB 11643 example: 11010519491231002X.
    assertTrue(People.validResidentId("11010519491231002X"));
    assertFalse(People.validResidentId("110105194912310021"));
  }

  @Test
  void normalBuyersStayWithinADayAndAYearOfPurchases() {
    BuyerBook book = new BuyerBook(new People(new Rand(2)), new Rand(3), 200);
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    java.util.Map<String, java.util.List<long[]>> bought = new java.util.HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      t = t.plusSeconds(20);
      java.math.BigDecimal amount = java.math.BigDecimal.valueOf(50 + (i * 37) % 3900);
      Person p = book.pick(t, amount);
      bought
          .computeIfAbsent(p.idNumber(), k -> new java.util.ArrayList<>())
          .add(new long[] {t.getEpochSecond(), amount.longValue()});
    }
    assertTrue(book.size() > 200, "the pool grew: " + book.size());
    for (var l : bought.values()) {
      long year = l.stream().mapToLong(x -> x[1]).sum();
      assertTrue(year <= 13_000, "year " + year);
      for (long[] a : l) {
        long day =
            l.stream().filter(b -> b[0] > a[0] - 86_400 && b[0] <= a[0]).mapToLong(b -> b[1]).sum();
        assertTrue(day <= 4_000, "day " + day);
      }
    }
  }
}
