package io.sanliu.jobs.risk;

import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.FxReceipt;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.kafka.DeadLetter;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the risk engine's rules read, as streams with event time: from Kafka in {@link
 * RiskEngineJob}, or from any other source (the credit scoring test feeds the simulator's documents
 * to the rules and the credit pipeline within one job). Streams connected to the broadcast
 * reference data must never go idle (see {@code EventTimes.forEnvelopesNeverIdle}). The credit
 * grade changes ({@code grades}) feed the credit rules, the FX receipts ({@code fxReceipts}) the FX
 * rules; null: none.
 */
public record RiskInputs(
    DataStream<Envelope<Order>> orders,
    DataStream<Envelope<Payment>> payments,
    DataStream<Envelope<CustomsList>> lists,
    DataStream<Envelope<Waybill>> waybills,
    DataStream<Envelope<LogisticsEvent>> tracking,
    DataStream<DeadLetter> deadLetters,
    DataStream<CreditGradeChange> grades,
    DataStream<Envelope<FxReceipt>> fxReceipts) {

  /** Without credit grades and FX receipts. */
  public RiskInputs(
      DataStream<Envelope<Order>> orders,
      DataStream<Envelope<Payment>> payments,
      DataStream<Envelope<CustomsList>> lists,
      DataStream<Envelope<Waybill>> waybills,
      DataStream<Envelope<LogisticsEvent>> tracking,
      DataStream<DeadLetter> deadLetters) {
    this(orders, payments, lists, waybills, tracking, deadLetters, null, null);
  }
}
