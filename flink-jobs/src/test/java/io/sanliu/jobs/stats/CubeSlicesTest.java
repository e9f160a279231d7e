package io.sanliu.jobs.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CubeSlicesTest {
  static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");

  static TradeFact fact(Caliber caliber, String port, List<FactLine> lines, long value) {
    return new TradeFact(
        caliber,
        "EBP:SO1",
        "G-1",
        AT,
        "I",
        "1210",
        "116",
        "EBP",
        "EBC",
        port,
        2,
        value,
        "buyer-hash",
        lines);
  }

  static Map<String, SliceEntry> bySlice(List<SliceEntry> entries) {
    return entries.stream().collect(Collectors.toMap(SliceEntry::slice, e -> e));
  }

  @Test
  void anOrderAddsItselfWholeToTheTotalAndOneSlicePerDimensionSplitByDirection() {
    TradeFact order =
        fact(
            Caliber.PLATFORM,
            null,
            List.of(new FactLine("EBC:A", null, 700), new FactLine("EBC:B", null, 300)),
            1000);

    Map<String, SliceEntry> slices = bySlice(CubeSlices.of(order));

    assertEquals(
        List.of(
                "PLATFORM|DIRECTION|I|I",
                "PLATFORM|ENTERPRISE|I|EBC",
                "PLATFORM|GOODS|I|EBC:A",
                "PLATFORM|GOODS|I|EBC:B",
                "PLATFORM|COUNTRY|I|116",
                "PLATFORM|MODE|I|1210",
                "PLATFORM|PLATFORM|I|EBP",
                "PLATFORM|TOTAL|-|ALL")
            .stream()
            .sorted()
            .toList(),
        slices.keySet().stream().sorted().toList());
    SliceEntry total = slices.get("PLATFORM|TOTAL|-|ALL");
    assertEquals(1, total.orders());
    assertEquals(2, total.parcels());
    assertEquals(1000, total.valueCents());
    assertEquals("buyer-hash", total.buyer());
    assertEquals(1000, slices.get("PLATFORM|COUNTRY|I|116").valueCents());
    assertEquals(700, slices.get("PLATFORM|GOODS|I|EBC:A").valueCents());
    assertNull(slices.get("PLATFORM|GOODS|I|EBC:A").buyer(), "goods slices count no buyers");
  }

  @Test
  void aReleasedListAlsoAddsToItsPortAndToEachChapterTheValueOfThatChaptersLines() {
    TradeFact list =
        fact(
            Caliber.CUSTOMS,
            "5345",
            List.of(
                new FactLine("1901101000", "19", 7131),
                new FactLine("1901909000", "19", 50),
                new FactLine("3304990099", "33", 10000),
                new FactLine("3304990099", "33", 1)),
            17182);

    Map<String, SliceEntry> slices = bySlice(CubeSlices.of(list));

    assertEquals(17182, slices.get("CUSTOMS|PORT|I|5345").valueCents());
    SliceEntry ch19 = slices.get("CUSTOMS|CHAPTER|I|19");
    SliceEntry ch33 = slices.get("CUSTOMS|CHAPTER|I|33");
    assertEquals(7181, ch19.valueCents());
    assertEquals(10001, ch33.valueCents());
    assertEquals(list.valueCents(), ch19.valueCents() + ch33.valueCents(), "chapters add up");
    assertEquals(1, ch19.orders(), "a list counts once per chapter");
    assertEquals(2, ch19.parcels());
    assertEquals("buyer-hash", ch19.buyer());
    assertEquals(10001, slices.get("CUSTOMS|GOODS|I|3304990099").valueCents());
    assertTrue(slices.keySet().stream().allMatch(k -> k.startsWith("CUSTOMS|")));
    assertEquals(7 + 2 + 3, slices.size(), "7 whole slices, 2 chapters, 3 goods");
  }

  @Test
  void sliceKeysSurviveTheirTextFormEvenWithTheSeparatorInAValue() {
    SliceKey key = new SliceKey(Caliber.PLATFORM, Dimension.GOODS, "E", "EBC:odd|item");

    assertEquals(key, SliceKey.parse(key.text()));
    SliceKey total = new SliceKey(Caliber.CUSTOMS, Dimension.TOTAL, null, "ALL");
    assertEquals(total, SliceKey.parse(total.text()));
  }
}
