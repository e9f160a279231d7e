package io.sanliu.simulator.zone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulator's one source of randomness: a {@link SplittableRandom} (deterministic for a seed)
 * with the draws the zone needs. {@link #split()} gives an independent stream, so that what one
 * parcel draws does not shift what the next one draws.
 */
public final class Rand {
  private final SplittableRandom random;

  public Rand(long seed) {
    this(new SplittableRandom(seed));
  }

  private Rand(SplittableRandom random) {
    this.random = random;
  }

  public Rand split() {
    return new Rand(random.split());
  }

  public double unit() {
    return random.nextDouble();
  }

  public boolean chance(double p) {
    return p > 0 && random.nextDouble() < p;
  }

  /** Uniform in [min, max). */
  public double between(double min, double max) {
    return min + (max - min) * random.nextDouble();
  }

  /** Uniform whole number in [min, max]. */
  public int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  public int below(int bound) {
    return random.nextInt(bound);
  }

  public long nextLong() {
    return random.nextLong();
  }

  /** Exponentially distributed with mean 1. */
  public double exponential() {
    return -Math.log(1 - random.nextDouble());
  }

  public <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  public <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  /** Picks an index with probability proportional to its weight. */
  public int weighted(double[] weights) {
    double total = 0;
    for (double w : weights) total += w;
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** A string of {@code n} decimal digits. */
  public String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append((char) ('0' + random.nextInt(10)));
    return sb.toString();
  }

  /** A money amount uniform in [min, max), to the cent. */
  public BigDecimal money(double min, double max) {
    return BigDecimal.valueOf(between(min, max)).setScale(2, RoundingMode.HALF_UP);
  }
}
