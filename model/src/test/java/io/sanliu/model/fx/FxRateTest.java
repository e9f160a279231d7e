package io.sanliu.model.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.kafka.Topics;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FxRateTest {
  static final Instant DAY = Instant.parse("2026-11-21T16:00:00Z");

  @Test
  void travelsAsJsonWithItsDecimalsKept() {
    FxRate rate = new FxRate("502", new BigDecimal("7.105200"), DAY);

    byte[] json = Topics.FX_RATES.serialize(rate);

    assertEquals(
        "{\"currency\":\"502\",\"cnyPerUnit\":7.105200,\"validFrom\":\"2026-11-21T16:00:00Z\"}",
        new String(json, StandardCharsets.UTF_8));
    assertEquals(rate, Topics.FX_RATES.deserialize(json));
  }

  @Test
  void isKeyedByCurrencyAndStartSoCompactionKeepsEveryDay() {
    FxRate today = new FxRate("502", new BigDecimal("7.10"), DAY);
    FxRate tomorrow = new FxRate("502", new BigDecimal("7.11"), DAY.plusSeconds(86_400));

    assertEquals("502@2026-11-21T16:00:00Z", today.key());
    assertNotEquals(today.key(), tomorrow.key());
  }

  @Test
  void refusesAnUnknownCurrencyAndRatesThatAreNotPositive() {
    var unknown =
        assertThrows(IllegalArgumentException.class, () -> new FxRate("USD", BigDecimal.ONE, DAY));
    assertTrue(unknown.getMessage().contains("502"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FxRate("502", BigDecimal.ZERO, DAY));
    assertThrows(
        IllegalArgumentException.class, () -> new FxRate("502", new BigDecimal("-7.1"), DAY));
  }

  @Test
  void aRateWithAnUnknownCurrencyCannotBeReadFromTheTopic() {
    byte[] json =
        "{\"currency\":\"999\",\"cnyPerUnit\":1,\"validFrom\":\"2026-11-21T16:00:00Z\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThrows(RuntimeException.class, () -> Topics.FX_RATES.deserialize(json));
  }
}
