package io.sanliu.jobs.stats;

/**
 * What a cube slice groups by. Every counted document adds to one slice of each dimension (to one
 * per HS chapter and one per goods of its lines for {@link #CHAPTER} and {@link #GOODS}); every
 * slice but {@link #TOTAL} is also split by direction, import and export being different trades.
 */
public enum Dimension {
  /** Everything of the caliber. */
  TOTAL(true, false),
  /** Import (I) or export (E). */
  DIRECTION(true, false),
  /** Customs supervision mode: 9610, 1210, 9710, 9810. */
  MODE(true, false),
  /** Partner country, customs 3-digit code. */
  COUNTRY(true, true),
  /** HS chapter, the first two digits of the lines' HS codes (customs caliber only). */
  CHAPTER(true, false),
  /** E-commerce platform (ebpCode). */
  PLATFORM(true, false),
  /** E-commerce enterprise (ebcCode). */
  ENTERPRISE(true, true),
  /** Customs port (portCode; customs caliber only). */
  PORT(true, false),
  /**
   * Goods: the 10-digit HS code (customs caliber) or the enterprise's item (platform caliber). Only
   * ranked: one document per goods and minute would be most of the index and read by nobody.
   */
  GOODS(false, true);

  private final boolean stored;
  private final boolean ranked;

  Dimension(boolean stored, boolean ranked) {
    this.stored = stored;
    this.ranked = ranked;
  }

  /** Whether its slices are documents of {@code sanliu-trade-stats}. */
  public boolean stored() {
    return stored;
  }

  /** Whether each window ranks its slices into {@code sanliu-trade-top}. */
  public boolean ranked() {
    return ranked;
  }
}
