package io.sanliu.jobs.logistics;

import static io.sanliu.jobs.logistics.LogisticsFixtures.hours;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sanliu.model.logistics.ShipmentState;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StageStatisticsTest {
  static final StageKey AIR = StageKey.of(ShipmentState.DEPARTED, "116>ZONE", "AIR", "SF");
  static final StageKey SEA = StageKey.of(ShipmentState.DEPARTED, "ZONE>502", "SEA", "SF");

  KeyedOneInputStreamOperatorTestHarness<String, StageSample, StageSummary> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        ProcessFunctionTestHarnesses.forKeyedProcessFunction(
            new StageStatistics(), StageSample::keyId, Types.STRING);
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  void sample(StageKey key, double minutes, double leftAtHour) throws Exception {
    harness.processElement(
        new StageSample(key, minutes, ShipmentState.ARRIVED, hours(leftAtHour)),
        hours(leftAtHour).toEpochMilli());
  }

  @Test
  void eachSampleUpdatesAndPublishesItsKeysSummary() throws Exception {
    sample(AIR, 600, 10);
    sample(SEA, 20_000, 11);
    sample(AIR, 700, 12);

    List<StageSummary> out = harness.extractOutputValues();
    assertEquals(3, out.size());
    StageSummary air = out.get(2);
    assertEquals(AIR.id(), air.key());
    assertEquals(2, air.count());
    assertEquals(650, air.meanMinutes(), 1e-9);
    assertEquals(hours(12), air.updatedAt());
    assertEquals(1, out.get(1).count(), "the sea key counts apart");
    assertEquals("ZONE>502", out.get(1).route());
  }
}
