package io.sanliu.jobs.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sanliu.model.Json;
import java.nio.charset.StandardCharsets;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class DecodedFieldsTest {
  public record Parcel(String id, String consignee, Line line) {}

  public record Line(String gcode, String name) {}

  @JsonIgnoreProperties({"consignee"})
  abstract static class ParcelSkips {}

  @JsonIgnoreProperties({"name"})
  abstract static class LineSkips {}

  static final byte[] JSON =
      "{\"id\":\"P1\",\"consignee\":{\"any\":[\"shape\"]},\"line\":{\"gcode\":\"0901\",\"name\":\"茶\"}}"
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void skippedFieldsAreNullWhateverTheyHeldAndTheRestIsRead() throws Exception {
    DecodedFields fields =
        InstantiationUtil.clone(
            DecodedFields.of(Parcel.class, ParcelSkips.class).and(Line.class, LineSkips.class),
            getClass().getClassLoader());

    Parcel p = fields.read(JSON, Json.mapper().constructType(Parcel.class));

    assertEquals(new Parcel("P1", null, new Line("0901", null)), p);
  }

  @Test
  void thePlatformMapperItselfIsLeftAsItWas() {
    DecodedFields.of(Parcel.class, ParcelSkips.class)
        .read(JSON, Json.mapper().constructType(Parcel.class));
    // The whole mapper would refuse the object in a String field: the mix-in did not leak.
    assertThrows(Exception.class, () -> Json.mapper().readValue(JSON, Parcel.class));
  }

  @Test
  void aClassNamedTwiceIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                DecodedFields.of(Parcel.class, ParcelSkips.class)
                    .and(Parcel.class, LineSkips.class));
    assertTrue(e.getMessage().contains("Parcel"), e.getMessage());
  }
}
