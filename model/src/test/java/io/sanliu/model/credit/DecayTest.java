package io.sanliu.model.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DecayTest {
  @Test
  void halvesEveryHalfLife() {
    Decay d = new Decay(Duration.ofDays(90));
    long day = Duration.ofDays(1).toMillis();
    assertEquals(1.0, d.weight(0));
    assertEquals(0.5, d.weight(90 * day), 1e-12);
    assertEquals(0.25, d.weight(180 * day), 1e-12);
    assertEquals(Math.pow(0.5, 1.0 / 90), d.weight(day), 1e-12);
  }

  @Test
  void eventsFromTheFutureWeighFully() {
    assertEquals(1.0, new Decay(Duration.ofDays(1)).weight(-5_000));
  }

  @Test
  void refusesAHalfLifeThatIsNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> new Decay(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new Decay(Duration.ofDays(-1)));
  }
}
