package io.sanliu.api.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sanliu.api.Reply;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong clock = new AtomicLong();
  private final ResponseCache cache =
      new ResponseCache(Duration.ofSeconds(1), new SimpleMeterRegistry(), clock::get);
  private final List<Promise<Reply>> loads = new ArrayList<>();

  private Future<Reply> get() {
    return cache.get(
        "k",
        () -> {
          Promise<Reply> p = Promise.promise();
          loads.add(p);
          return p.future();
        });
  }

  private static String source(Future<Reply> f) {
    return f.result().headers().get("X-Cache");
  }

  private static Reply reply(String body) {
    return Reply.ok(java.util.Map.of("v", body));
  }

  @Test
  void concurrentMissesShareOneLoadAndHitsFollowWithinTheTimeToLive() {
    Future<Reply> a = get();
    Future<Reply> b = get();
    assertEquals(1, loads.size());
    loads.get(0).complete(reply("1"));
    assertEquals("MISS", source(a));
    assertEquals("HIT", source(b), "it waited for the first one's load");
    clock.addAndGet(SECOND / 2);
    assertEquals("HIT", source(get()));
    assertEquals(1, loads.size());
  }

  @Test
  void servesTheOldAnswerWhileOneRefreshRunsThenTheNewOne() {
    get();
    loads.get(0).complete(reply("1"));
    clock.addAndGet(SECOND + 1);
    Future<Reply> stale1 = get();
    Future<Reply> stale2 = get();
    assertTrue(stale1.isComplete(), "no wait for the refresh");
    assertEquals("STALE", source(stale1));
    assertEquals("STALE", source(stale2));
    assertEquals(2, loads.size(), "one refresh for both");
    loads.get(1).complete(reply("2"));
    Future<Reply> fresh = get();
    assertEquals("HIT", source(fresh));
    assertEquals(reply("2").body(), fresh.result().body());
  }

  @Test
  void aFailedRefreshIsRetriedAndTooOldAnAnswerIsNotServed() {
    get();
    loads.get(0).complete(reply("1"));
    clock.addAndGet(SECOND + 1);
    assertEquals("STALE", source(get()));
    loads.get(1).fail("elasticsearch down");
    assertEquals("STALE", source(get()));
    assertEquals(3, loads.size(), "the next request tries again");
    clock.addAndGet(ResponseCache.STALE_LIMIT * SECOND);
    Future<Reply> waits = get();
    assertFalse(waits.isComplete(), "past the stale limit a request waits for a new load");
    assertEquals(4, loads.size());
  }
}
