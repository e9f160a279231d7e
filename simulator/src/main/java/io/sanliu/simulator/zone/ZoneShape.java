package io.sanliu.simulator.zone;

/**
 * How big the simulated zone is.
 *
 * @param enterprises e-commerce enterprises (about 60% importers, 40% exporters)
 * @param buyers buyers at the start of a run; the pool grows when every buyer picked is at the
 *     limits normal buyers keep to
 */
public record ZoneShape(int enterprises, int buyers) {
  public static final ZoneShape DEFAULT = new ZoneShape(300, 20_000);

  public ZoneShape {
    if (enterprises < 20)
      throw new IllegalArgumentException("a zone needs at least 20 enterprises");
    if (buyers < 100) throw new IllegalArgumentException("a zone needs at least 100 buyers");
  }
}
