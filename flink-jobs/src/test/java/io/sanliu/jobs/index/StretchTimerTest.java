package io.sanliu.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StretchTimerTest {
  static final long H = 3_600_000;
  KeyedOneInputStreamOperatorTestHarness<String, StretchMark, IndexEvent> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new StretchTimer(IndexEvent::release), StretchMark::key, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void send(String key, long time, boolean start) throws Exception {
    harness.processElement(new StretchMark(key, time, start), time);
  }

  @Test
  void aStretchIsTimedOnceBothEndsAreKnownInEitherOrder() throws Exception {
    send("A", 10 * H, true);
    send("B", 14 * H, false); // released before its declaration arrived
    assertEquals(List.of(), harness.extractOutputValues());
    send("A", 12 * H, false);
    send("B", 13 * H, true);
    assertEquals(
        List.of(IndexEvent.release(12 * H, 2 * H), IndexEvent.release(14 * H, H)),
        harness.extractOutputValues());
  }

  @Test
  void copiesAfterTheTimingChangeNothing() throws Exception {
    send("A", 10 * H, true);
    send("A", 9 * H, true); // an earlier copy of the start: the earliest counts
    send("A", 12 * H, false);
    send("A", 12 * H, false);
    send("A", 11 * H, true);
    assertEquals(List.of(IndexEvent.release(12 * H, 3 * H)), harness.extractOutputValues());
  }
}
