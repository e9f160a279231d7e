package io.sanliu.api.auth;

import io.sanliu.api.ApiProblem;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket per token subject: one misbehaving screen or script cannot starve the others.
 * Beyond its rate a subject gets 429 with {@code Retry-After} (whole seconds, rounded up). Limits
 * are per API instance; behind a load balancer each instance counts on its own.
 */
public final class SubjectRateLimit implements Handler<RoutingContext> {
  /** Buckets unused this long (and full again) are dropped, so the map stays small. */
  static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(5);

  private final double perSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  SubjectRateLimit(double perSecond, double burst, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.nanoTime = nanoTime;
  }

  public static SubjectRateLimit from(Config config) {
    return new SubjectRateLimit(
        config.getInt(ConfigKey.API_RATE_LIMIT),
        config.getInt(ConfigKey.API_RATE_BURST),
        System::nanoTime);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    long wait = take(caller.subject());
    if (wait == 0) {
      ctx.next();
      return;
    }
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L));
    ctx.fail(
        ApiProblem.of(
                429,
                "rate limit of "
                    + caller.subject()
                    + " reached ("
                    + perSecond
                    + " requests/s, bursts of "
                    + (long) burst
                    + "): retry after "
                    + seconds
                    + " s")
            .header("Retry-After", Long.toString(seconds)));
  }

  /** Takes a permit of {@code subject}: 0 when granted, else nanoseconds until there is one. */
  long take(String subject) {
    long now = nanoTime.getAsLong();
    return buckets
        .computeIfAbsent(subject, s -> new TokenBucket(burst, perSecond, now))
        .tryTake(now);
  }

  /** Drops the buckets nobody used lately; called periodically. */
  public void forgetIdle() {
    long now = nanoTime.getAsLong();
    buckets.values().removeIf(b -> b.forgettable(now, IDLE_NANOS));
  }

  int trackedSubjects() {
    return buckets.size();
  }
}
