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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers of screen-facing GETs kept for a short time (default 1 s), keyed by path, query and role
 * (masking differs per role). Concurrent misses share one load: the future is cached, not the
 * result, so a hundred screens asking at the same moment cause one Elasticsearch query.
 *
 * <p>An answer past its time is still served while one refresh runs (stale while revalidate): a
 * screen sees figures at most a load's duration older, and no request waits for Elasticsearch once
 * the first answer is there. Past {@link #STALE_LIMIT} times the time to live, or after a failed
 * refresh, a request waits for a new load again. Failures are not kept.
 */
public final class ResponseCache {
  /** Beyond this many keys, expired entries are swept on the next miss. */
  static final int SWEEP_ABOVE = 1_000;

  /** How many times the time to live an answer may be served while its refresh runs. */
  static final int STALE_LIMIT = 5;

  private static final class Entry {
    final Future<Reply> reply;
    final long expiresAt;
    final AtomicBoolean refreshing = new AtomicBoolean();

    Entry(Future<Reply> reply, long expiresAt) {
      this.reply = reply;
      this.expiresAt = expiresAt;
    }
  }

  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Counter hits;
  private final Counter stale;
  private final Counter misses;

  public ResponseCache(Duration ttl, MeterRegistry registry) {
    this(ttl, registry, System::nanoTime);
  }

  ResponseCache(Duration ttl, MeterRegistry registry, LongSupplier nanoTime) {
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
    this.hits = registry.counter("sanliu.api.cache", "result", "hit");
    this.stale = registry.counter("sanliu.api.cache", "result", "stale");
    this.misses = registry.counter("sanliu.api.cache", "result", "miss");
  }

  /** The cache key: path, the query parameters in a stable order, and the role. */
  public static String key(String path, MultiMap query, Role role) {
    Map<String, Object> sorted = new TreeMap<>();
    for (String name : query.names()) sorted.put(name, query.getAll(name));
    return role.name() + " " + path + "?" + sorted;
  }

  public Future<Reply> get(String key, Supplier<Future<Reply>> load) {
    if (ttlNanos <= 0) {
      misses.increment();
      return load.get().map(r -> r.withHeader("X-Cache", "MISS"));
    }
    long now = nanoTime.getAsLong();
    Entry entry = entries.get(key);
    if (entry != null && !entry.reply.failed()) {
      if (entry.expiresAt - now > 0) {
        hits.increment();
        return entry.reply.map(r -> r.withHeader("X-Cache", "HIT"));
      }
      if (entry.reply.succeeded() && entry.expiresAt + (STALE_LIMIT - 1) * ttlNanos - now > 0) {
        if (entry.refreshing.compareAndSet(false, true)) refresh(key, entry, load, now);
        stale.increment();
        return entry.reply.map(r -> r.withHeader("X-Cache", "STALE"));
      }
    }
    misses.increment();
    if (entries.size() > SWEEP_ABOVE) sweep(now);
    Entry fresh = store(key, load.get(), now);
    return fresh.reply.map(r -> r.withHeader("X-Cache", "MISS"));
  }

  /** Loads {@code key} again in the background; the answer replaces {@code old} once it is in. */
  private void refresh(String key, Entry old, Supplier<Future<Reply>> load, long now) {
    Future<Reply> loading = load.get();
    loading.onComplete(
        result -> {
          if (result.succeeded()) {
            entries.replace(key, old, new Entry(loading, nanoTime.getAsLong() + ttlNanos));
          } else {
            // The next request past the time to live tries again.
            old.refreshing.set(false);
          }
        });
  }

  private Entry store(String key, Future<Reply> loaded, long now) {
    Entry fresh = new Entry(loaded, now + ttlNanos);
    entries.put(key, fresh);
    loaded.onFailure(e -> entries.remove(key, fresh));
    return fresh;
  }

  private void sweep(long now) {
    entries.values().removeIf(e -> e.expiresAt - now <= 0);
  }

  int size() {
    return entries.size();
  }
}
