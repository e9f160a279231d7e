package io.sanliu.api.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sanliu.api.Reply;
import io.sanliu.api.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers of screen-facing GETs kept for a short time (default 1 s), keyed by path, query and role
 * (masking differs per role). Concurrent misses share one load: the future is cached, not the
 * result, so a hundred screens asking at the same moment cause one Elasticsearch query. Failures
 * are not kept.
 */
public final class ResponseCache {
  /** Beyond this many keys, expired entries are swept on the next miss. */
  static final int SWEEP_ABOVE = 1_000;

  private record Entry(Future<Reply> reply, long expiresAt) {}

  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Counter hits;
  private final Counter misses;

  public ResponseCache(Duration ttl, MeterRegistry registry) {
    this(ttl, registry, System::nanoTime);
  }

  ResponseCache(Duration ttl, MeterRegistry registry, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
    this.hits = registry.counter("sanliu.api.cache", "result", "hit");
    this.misses = registry.counter("sanliu.api.cache", "result", "miss");
  }

  /** The cache key: path, the query parameters in a stable order, and the role. */
  public static String key(String path, MultiMap query, Role role) {
    Map<String, Object> sorted = new TreeMap<>();
    for (String name : query.names()) sorted.put(name, query.getAll(name));
    return role.name() + " " + path + "?" + sorted;
  }

  public Future<Reply> get(String key, Supplier<Future<Reply>> load) {
    long now = nanoTime.getAsLong();
    Entry entry = entries.get(key);
    if (ttlNanos > 0 && entry != null && entry.expiresAt - now > 0 && !entry.reply.failed()) {
      hits.increment();
      return entry.reply.map(r -> r.withHeader("X-Cache", "HIT"));
    }
    misses.increment();
    Future<Reply> loaded = load.get();
    if (ttlNanos <= 0) return loaded.map(r -> r.withHeader("X-Cache", "MISS"));
    if (entries.size() > SWEEP_ABOVE) sweep(now);
    Entry fresh = new Entry(loaded, now + ttlNanos);
    entries.put(key, fresh);
    loaded.onFailure(e -> entries.remove(key, fresh));
    return loaded.map(r -> r.withHeader("X-Cache", "MISS"));
  }

  private void sweep(long now) {
    entries.values().removeIf(e -> e.expiresAt - now <= 0);
  }

  int size() {
    return entries.size();
  }
}
