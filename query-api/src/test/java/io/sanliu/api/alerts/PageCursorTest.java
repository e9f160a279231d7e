package io.sanliu.api.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import co.elastic.clients.elasticsearch._types.FieldValue;
import io.sanliu.api.ApiProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageCursorTest {
  @Test
  void roundTripsTheSortValuesOfEachKind() {
    PageCursor cursor =
        PageCursor.start("filters")
            .at(
                2,
                List.of(
                    FieldValue.of(1_790_000_000_000L), FieldValue.of(87.5), FieldValue.of("a1")));
    PageCursor back = PageCursor.decode(cursor.encode(), "filters");
    assertEquals(2, back.bucket());
    assertEquals(1_790_000_000_000L, back.after().get(0).longValue());
    assertEquals(87.5, back.after().get(1).doubleValue());
    assertEquals("a1", back.after().get(2).stringValue());
  }

  @Test
  void aWholeNumberedScoreStaysADouble() {
    PageCursor cursor = PageCursor.start("f").at(0, List.of(FieldValue.of(80.0)));
    assertEquals(80.0, PageCursor.decode(cursor.encode(), "f").after().get(0).doubleValue());
  }

  @Test
  void refusesCursorsOfOtherListsAndGarbage() {
    String token = PageCursor.start("filters A").encode();
    assertEquals(
        400, assertThrows(ApiProblem.class, () -> PageCursor.decode(token, "filters B")).status());
    assertEquals(400, assertThrows(ApiProblem.class, () -> PageCursor.decode("%%%", "f")).status());
    assertEquals(400, assertThrows(ApiProblem.class, () -> PageCursor.decode("e30", "f")).status());
  }
}
