package io.sanliu.jobs.stats;

import io.sanliu.model.codes.Country;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One cube slice of one window, as stored in {@code sanliu-trade-stats}. The dimension's value is
 * in {@code key} and, for the analyst's convenience, in the field named after the dimension ({@code
 * tradeMode}, {@code country}, ...). Money is exact in {@code *Cents} (long) and approximate in
 * {@code *Cny} (double, for charts).
 *
 * @param direction I or E; absent on the total
 * @param buyers distinct buyers, estimated (HyperLogLog); 0 where documents name no buyer
 * @param avgOrderValueCents value per order, rounded half up to the cent
 * @param updatedAt when this version was computed; a late document gives a newer one
 */
public record TradeStatsDocument(
    String caliber,
    String windowSize,
    Instant windowStart,
    Instant windowEnd,
    String dimension,
    String direction,
    String key,
    String tradeMode,
    String country,
    String countryName,
    String hsChapter,
    String ebpCode,
    String ebcCode,
    String portCode,
    long orders,
    long parcels,
    long valueCents,
    double valueCny,
    long buyers,
    long avgOrderValueCents,
    double avgOrderValueCny,
    Instant updatedAt) {

  /** The document of a slice's measures in the window of {@code size} starting at {@code start}. */
  public static TradeStatsDocument of(
      SliceKey slice, WindowSize size, long start, SliceMeasures m, Instant updatedAt) {
    Dimension d = slice.dimension();
    String v = slice.value();
    long average =
        m.orders == 0
            ? 0
            : BigDecimal.valueOf(m.valueCents)
                .divide(BigDecimal.valueOf(m.orders), 0, RoundingMode.HALF_UP)
                .longValueExact();
    return new TradeStatsDocument(
        slice.caliber().name(),
        size.label(),
        Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(start + size.length().toMillis()),
        d.name(),
        slice.direction(),
        v,
        d == Dimension.MODE ? v : null,
        d == Dimension.COUNTRY ? v : null,
        d == Dimension.COUNTRY ? Country.find(v).map(Country::nameZh).orElse(null) : null,
        d == Dimension.CHAPTER ? v : null,
        d == Dimension.PLATFORM ? v : null,
        d == Dimension.ENTERPRISE ? v : null,
        d == Dimension.PORT ? v : null,
        m.orders,
        m.parcels,
        m.valueCents,
        m.valueCents / 100.0,
        m.buyerEstimate(),
        average,
        average / 100.0,
        updatedAt);
  }

  /**
   * Deterministic: caliber, window size, window start and the slice's dimension values, e.g. {@code
   * CUSTOMS:1h:2026-11-22T02:00:00Z:COUNTRY:I:116}. A late update or a replay overwrites the same
   * document instead of adding one.
   */
  public String documentId() {
    StringBuilder id =
        new StringBuilder()
            .append(caliber)
            .append(':')
            .append(windowSize)
            .append(':')
            .append(windowStart)
            .append(':')
            .append(dimension);
    if (direction != null) id.append(':').append(direction);
    Dimension d = Dimension.valueOf(dimension);
    if (d != Dimension.TOTAL && d != Dimension.DIRECTION) id.append(':').append(key);
    return id.toString();
  }

  /** The slice it describes. */
  public SliceKey slice() {
    return new SliceKey(Caliber.valueOf(caliber), Dimension.valueOf(dimension), direction, key);
  }
}
