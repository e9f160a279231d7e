package io.sanliu.jobs.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Cuts a counted document into the cube slices it adds to. Materialising every combination of
 * dimensions would multiply the documents of a minute by the product of their cardinalities; one
 * slice per dimension (split by direction) keeps a minute to a few hundred documents and still
 * answers the screens' and analysts' questions (by mode, by country, ...). A document adds itself
 * whole to the total, its direction, mode, country, platform, enterprise and (customs) port; to
 * each HS chapter (customs) and goods its lines name, it adds the value of those lines only, and
 * counts once per chapter or goods.
 */
public final class CubeSlices {
  private CubeSlices() {}

  public static List<SliceEntry> of(TradeFact f) {
    List<SliceEntry> entries = new ArrayList<>();
    Caliber c = f.caliber();
    String dir = f.direction();
    entries.add(whole(f, new SliceKey(c, Dimension.TOTAL, null, "ALL")));
    entries.add(whole(f, new SliceKey(c, Dimension.DIRECTION, dir, dir)));
    entries.add(whole(f, new SliceKey(c, Dimension.MODE, dir, f.tradeMode())));
    entries.add(whole(f, new SliceKey(c, Dimension.COUNTRY, dir, f.country())));
    entries.add(whole(f, new SliceKey(c, Dimension.PLATFORM, dir, f.ebpCode())));
    entries.add(whole(f, new SliceKey(c, Dimension.ENTERPRISE, dir, f.ebcCode())));
    if (c == Caliber.CUSTOMS) {
      entries.add(whole(f, new SliceKey(c, Dimension.PORT, dir, f.portCode())));
      byLine(f, Dimension.CHAPTER, FactLine::chapter, f.buyer(), entries);
    }
    // Goods slices feed only the rankings, which show no buyers: no sketch per goods and window.
    byLine(f, Dimension.GOODS, FactLine::goods, null, entries);
    return entries;
  }

  private static SliceEntry whole(TradeFact f, SliceKey key) {
    return entry(f, key, f.valueCents(), f.buyer());
  }

  private static void byLine(
      TradeFact f,
      Dimension dimension,
      Function<FactLine, String> group,
      String buyer,
      List<SliceEntry> entries) {
    Map<String, Long> cents = new TreeMap<>();
    for (FactLine line : f.lines()) cents.merge(group.apply(line), line.valueCents(), Long::sum);
    cents.forEach(
        (value, sum) ->
            entries.add(
                entry(f, new SliceKey(f.caliber(), dimension, f.direction(), value), sum, buyer)));
  }

  private static SliceEntry entry(TradeFact f, SliceKey key, long valueCents, String buyer) {
    return new SliceEntry(
        key.text(),
        1,
        f.parcels(),
        valueCents,
        buyer,
        f.documentKey(),
        f.sourceGuid(),
        f.eventTime());
  }
}
