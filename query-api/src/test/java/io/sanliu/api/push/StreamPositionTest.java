package io.sanliu.api.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanliu.api.ApiProblem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamPositionTest {
  @Test
  void theIdListsEveryPartitionsOffsetAndParsesBack() {
    StreamPosition p = new StreamPosition(Map.of(0, 17L, 1, -1L, 3, 9L));
    assertEquals("0-17.1--1.3-9", p.id());
    assertEquals(p, StreamPosition.parse(p.id()));
    assertEquals(-1, p.offset(2), "a partition not named has delivered nothing");
  }

  @Test
  void afterMovesOnePartitionForwardOnly() {
    StreamPosition p = new StreamPosition(Map.of(0, 5L)).after(0, 7).after(1, 2).after(0, 6);
    assertEquals(7, p.offset(0));
    assertEquals(2, p.offset(1));
  }

  @Test
  void aForeignIdIsABadRequest() {
    assertEquals(
        400, assertThrows(ApiProblem.class, () -> StreamPosition.parse("yesterday")).status());
  }
}
