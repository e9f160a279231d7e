package io.sanliu.jobs.risk.technical;

import static io.sanliu.jobs.risk.technical.TechnicalFixtures.ORDER;
import static io.sanliu.jobs.risk.technical.TechnicalFixtures.PAYMENT_FIRM;
import static io.sanliu.jobs.risk.technical.TechnicalFixtures.T0;
import static io.sanliu.jobs.risk.technical.TechnicalFixtures.WAYBILL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.EventType;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.kafka.DeadLetter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TechnicalSignalTest {
  @Test
  void theGatewaysReplayIsKeyedByItsMessageGuidAndNamesTheOrderOfItsRecords() {
    DeadLetter d = TechnicalFixtures.gatewayReplay("M-1", SampleEvents.payment(), T0);
    TechnicalSignal s = TechnicalFixtures.signal(d);
    assertEquals("replay:M-1", s.key());
    assertEquals(TechnicalSignal.Kind.REPLAY, s.kind());
    assertEquals("M-1", s.guid());
    assertEquals(PAYMENT_FIRM, s.sender());
    assertEquals(T0, s.time());
    assertEquals(List.of(ORDER), s.orderKeys());
    assertEquals(List.of(SampleEvents.payment().guid()), s.recordGuids());
  }

  @Test
  void theSimulatorsReplayIsRecognisedTooAndAWaybillGivesItsWaybillKey() {
    DeadLetter d = TechnicalFixtures.simulatorReplay("M-2", SampleEvents.waybill(), T0);
    TechnicalSignal s = TechnicalFixtures.signal(d);
    assertEquals("replay:M-2", s.key());
    assertEquals(List.of(), s.orderKeys());
    assertEquals(List.of(WAYBILL), s.waybillKeys());
  }

  @Test
  void otherRefusedInputOfTheGatewayOrTheSimulatorIsKeyedBySender() {
    TechnicalSignal sim =
        TechnicalFixtures.signal(TechnicalFixtures.simulatorInvalid("4403960001", "M-3", T0));
    assertEquals("sender:4403960001", sim.key());
    assertEquals(TechnicalSignal.Kind.REFUSAL, sim.kind());
    assertEquals("currency: unknown currency code 'XYZ'", sim.reason());
    TechnicalSignal gw =
        TechnicalFixtures.signal(TechnicalFixtures.gatewayInvalid("4403960001", "M-4", T0));
    assertEquals("sender:4403960001", gw.key());
    assertEquals("ingest", gw.stage());
  }

  @Test
  void aJobsDeadLetterIsNoSendersRefusedInput() {
    DeadLetter job =
        DeadLetter.of(
            "flink:trade-stats",
            null,
            null,
            "application/json",
            List.of(new DeadLetter.FieldError("", "cannot decode")),
            "{",
            T0);
    assertTrue(TechnicalSignal.ofDeadLetter(job).isEmpty());
  }

  @Test
  void aCutReplayPayloadStillGivesTheReplayWithoutKeys() {
    DeadLetter d =
        DeadLetter.of(
            "ingest",
            PAYMENT_FIRM,
            "M-5",
            "application/json",
            List.of(new DeadLetter.FieldError("guid", "replay of accepted message M-5: x")),
            "[{\"ebpCode\":\"4403",
            T0);
    TechnicalSignal s = TechnicalFixtures.signal(d);
    assertEquals("replay:M-5", s.key());
    assertEquals(List.of(), s.orderKeys());
  }

  @Test
  void aRecordIsKeyedByItsGuidAndSeenAtItsIngestTime() {
    TechnicalSignal pay =
        TechnicalFixtures.signal(TechnicalFixtures.payment("R-1", T0.plusSeconds(1)));
    assertEquals("record:R-1", pay.key());
    assertEquals(TechnicalSignal.Kind.RECORD, pay.kind());
    assertEquals(T0.plusSeconds(1), pay.time());
    assertEquals(SampleEvents.payment().eventTime(), pay.eventTime());
    assertEquals(EventType.PAYMENT, pay.recordType());
    assertEquals(List.of(ORDER), pay.orderKeys());
    TechnicalSignal waybill =
        TechnicalFixtures.signal(
            TechnicalFixtures.record(EventType.WAYBILL, "R-2", T0, SampleEvents.waybill()));
    assertEquals(List.of(WAYBILL), waybill.waybillKeys());
    assertEquals(List.of(), waybill.orderKeys());
  }
}
