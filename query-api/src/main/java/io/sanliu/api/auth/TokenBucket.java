package io.sanliu.api.auth;

/**
 * A token bucket: holds up to {@code capacity} permits, refilled at {@code perSecond}; a request
 * takes one. Time is passed in (nanoseconds) so that it can be tested without sleeping.
 */
final class TokenBucket {
  private final double capacity;
  private final double perNano;
  private double permits;
  private long refilledAt;
  private long usedAt;

  TokenBucket(double capacity, double perSecond, long now) {
    if (capacity < 1 || perSecond <= 0) {
      throw new IllegalArgumentException("a bucket needs capacity >= 1 and a positive rate");
    }
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.permits = capacity;
    this.refilledAt = now;
    this.usedAt = now;
  }

  /** Takes a permit: 0 when granted, else the nanoseconds until one will be there. */
  synchronized long tryTake(long now) {
    refill(now);
    usedAt = now;
    if (permits >= 1) {
      permits -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - permits) / perNano);
  }

  /**
   * Unused for {@code idleNanos} and full again: forgetting it changes nothing, since a new bucket
   * starts full.
   */
  synchronized boolean forgettable(long now, long idleNanos) {
    refill(now);
    return permits >= capacity && now - usedAt >= idleNanos;
  }

  private void refill(long now) {
    if (now > refilledAt) {
      permits = Math.min(capacity, permits + (now - refilledAt) * perNano);
      refilledAt = now;
    }
  }
}
