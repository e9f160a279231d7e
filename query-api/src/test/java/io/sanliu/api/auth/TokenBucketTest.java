package io.sanliu.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void grantsTheBurstThenOnePermitPerRefillInterval() {
    TokenBucket bucket = new TokenBucket(3, 2, 0);
    assertEquals(0, bucket.tryTake(0));
    assertEquals(0, bucket.tryTake(0));
    assertEquals(0, bucket.tryTake(0));
    long wait = bucket.tryTake(0);
    assertEquals(SECOND / 2, wait, "2 per second: the next permit in half a second");
    assertEquals(0, bucket.tryTake(SECOND / 2));
    assertTrue(bucket.tryTake(SECOND / 2) > 0);
  }

  @Test
  void neverHoldsMoreThanItsCapacity() {
    TokenBucket bucket = new TokenBucket(2, 1, 0);
    long later = 100 * SECOND;
    assertEquals(0, bucket.tryTake(later));
    assertEquals(0, bucket.tryTake(later));
    assertTrue(bucket.tryTake(later) > 0);
  }

  @Test
  void isForgettableOnceFullAndIdle() {
    TokenBucket bucket = new TokenBucket(2, 1, 0);
    bucket.tryTake(0);
    assertFalse(bucket.forgettable(SECOND / 2, SECOND), "not full yet");
    assertFalse(bucket.forgettable(SECOND / 2, 10 * SECOND), "not idle long enough");
    assertTrue(bucket.forgettable(20 * SECOND, 10 * SECOND));
  }

  @Test
  void theLimiterKeepsABucketPerSubjectAndDropsIdleOnes() {
    long[] now = {0};
    SubjectRateLimit limit = new SubjectRateLimit(1, 1, () -> now[0]);
    assertEquals(0, limit.take("screen-a"));
    assertTrue(limit.take("screen-a") > 0, "a's bucket is empty");
    assertEquals(0, limit.take("screen-b"), "b has its own");
    now[0] = SubjectRateLimit.IDLE_NANOS;
    assertEquals(0, limit.take("screen-b"));
    now[0] = SubjectRateLimit.IDLE_NANOS + SECOND;
    limit.forgetIdle();
    assertEquals(1, limit.trackedSubjects(), "a idle and full again: dropped; b kept");
  }
}
