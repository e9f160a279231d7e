package io.sanliu.jobs.credit;

import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.simulation.NegativeListEntry;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the credit pipeline reads, as streams with event time: from Kafka in {@link CreditJob}, or
 * from any other source (the scoring test feeds the simulator's documents and the risk engine's
 * alerts within one job).
 */
public record CreditInputs(
    DataStream<Envelope<Order>> orders,
    DataStream<Envelope<CustomsList>> lists,
    DataStream<Envelope<CustomsReceipt>> receipts,
    DataStream<ParcelOutcome> outcomes,
    DataStream<RiskAlert> alerts,
    DataStream<AlertReview> reviews,
    DataStream<Envelope<Evaluation>> evaluations,
    DataStream<NegativeListEntry> negativeList) {}
