package io.sanliu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcInstantDeserializerTest {
  /** Jackson's own reading, the reference the fast path must agree with. */
  private static final ObjectMapper JACKSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  private record Stamp(Instant at) {}

  private static Instant platform(String text) throws Exception {
    return Json.mapper().readValue("{\"at\":\"" + text + "\"}", Stamp.class).at();
  }

  private static Instant jackson(String text) throws Exception {
    return JACKSON.readValue("{\"at\":\"" + text + "\"}", Stamp.class).at();
  }

  @Test
  void readsWhatInstantToStringWritesExactlyAsJacksonDoes() throws Exception {
    SplittableRandom random = new SplittableRandom(20261123);
    // Every fraction length toString produces (none, millis, micros, nanos), across 0001-9999.
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant t = Instant.ofEpochSecond(seconds, nanos);
      String text = t.toString();
      assertNotNull(parse(text), text);
      assertEquals(t, platform(text), text);
      assertEquals(jackson(text), platform(text), text);
    }
  }

  @Test
  void readsFractionsOfAnyLengthAndTheDayBoundaries() throws Exception {
    for (String text :
        List.of(
            "2026-11-23T01:04:42.1Z",
            "2026-11-23T01:04:42.12Z",
            "2026-11-23T01:04:42.1234Z",
            "2026-11-23T01:04:42.12345678Z",
            "2026-12-31T23:59:59.999999999Z",
            "2027-01-01T00:00:00Z",
            "2028-02-29T12:00:00Z",
            "1970-01-01T00:00:00Z")) {
      assertNotNull(parse(text), text);
      assertEquals(jackson(text), platform(text), text);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-23T09:04:42+08:00", // an offset
        "2026-11-23T01:04:42.Z", // a point without digits
        "2026-11-23T23:59:60Z", // a leap second
        "+12026-11-23T01:04:42Z", // a year past 9999
        "2026-11-23 01:04:42Z" // a space for the T
      })
  void handsOtherFormsToJackson(String text) throws Exception {
    assertNull(parse(text), text);
    if (text.contains("+08:00")) {
      assertEquals(Instant.parse("2026-11-23T01:04:42Z"), platform(text));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-2xT01:04:42Z"})
  void impossibleDatesFailAsJacksonWordsThem(String text) {
    assertNull(parse(text), text);
    InvalidFormatException ours = assertThrows(InvalidFormatException.class, () -> platform(text));
    InvalidFormatException theirs = assertThrows(InvalidFormatException.class, () -> jackson(text));
    assertEquals(theirs.getOriginalMessage(), ours.getOriginalMessage());
    assertTrue(ours.getPath().get(0).getFieldName().equals("at"), "the error names the field");
  }

  @Test
  void numbersStillReadAsEpochSeconds() throws Exception {
    Stamp s = Json.mapper().readValue("{\"at\":1763859882.5}", Stamp.class);
    assertEquals(Instant.ofEpochSecond(1_763_859_882L, 500_000_000), s.at());
  }

  private static Instant parse(String text) {
    return UtcInstantDeserializer.parse(text.toCharArray(), 0, text.length());
  }
}
