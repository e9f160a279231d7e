package io.sanliu.model.kafka;

import com.fasterxml.jackson.databind.JavaType;
import io.sanliu.model.Json;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.EnterpriseFiling;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.FxReceipt;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.ingest.Receipt;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.simulation.GroundTruth;
import io.sanliu.model.simulation.NegativeListEntry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of the platform's Kafka topics. */
public final class Topics {
  private Topics() {}

  public static final Topic<Envelope<Order>> ORDERS = business("sanliu.orders", Order.class);
  public static final Topic<Envelope<Payment>> PAYMENTS =
      business("sanliu.payments", Payment.class);
  public static final Topic<Envelope<Waybill>> WAYBILLS =
      business("sanliu.waybills", Waybill.class);
  public static final Topic<Envelope<LogisticsEvent>> LOGISTICS_EVENTS =
      business("sanliu.logistics-events", LogisticsEvent.class);
  public static final Topic<Envelope<CustomsList>> CUSTOMS_LISTS =
      business("sanliu.customs-lists", CustomsList.class);
  public static final Topic<Envelope<CustomsReceipt>> CUSTOMS_RECEIPTS =
      business("sanliu.customs-receipts", CustomsReceipt.class);
  public static final Topic<Envelope<EnterpriseFiling>> ENTERPRISE_FILINGS =
      reference("sanliu.enterprise-filings", EnterpriseFiling.class);
  public static final Topic<Envelope<GoodsFiling>> GOODS_FILINGS =
      reference("sanliu.goods-filings", GoodsFiling.class);
  public static final Topic<Envelope<Evaluation>> EVALUATIONS =
      business("sanliu.evaluations", Evaluation.class);
  public static final Topic<Envelope<FxReceipt>> FX_RECEIPTS =
      business("sanliu.fx-receipts", FxReceipt.class);
  public static final Topic<Envelope<RiskAlert>> ALERTS =
      business("sanliu.alerts", RiskAlert.class);
  public static final Topic<DeadLetter> DEAD_LETTER =
      new Topic<>(
          "sanliu.dead-letter", Json.mapper().constructType(DeadLetter.class), Topic.SCALED, false);

  /** Receipts of accepted messages, by sender and message guid: the gateway's replay memory. */
  public static final Topic<Receipt> INGEST_RECEIPTS =
      new Topic<>(
          "sanliu.ingest-receipts", Json.mapper().constructType(Receipt.class), Topic.SCALED, true);

  /** Labelled anomalies of simulator runs (ground truth for scoring detection); one partition. */
  public static final Topic<GroundTruth> SIMULATOR_TRUTH =
      new Topic<>(
          "sanliu.simulator-truth", Json.mapper().constructType(GroundTruth.class), 1, false);

  /**
   * Exchange rates (yuan per unit of a currency, from a moment on): reference data for the
   * statistics. Compacted, one partition, key currency and start ({@link FxRate#key()}), so the
   * history of every currency stays.
   */
  public static final Topic<FxRate> FX_RATES =
      new Topic<>("sanliu.fx-rates", Json.mapper().constructType(FxRate.class), 1, true);

  /** The zone's negative list (enterprises, goods): reference data for the risk engine. */
  public static final Topic<NegativeListEntry> NEGATIVE_LIST = NegativeListEntry.TOPIC;

  /** Risk rule definitions: the risk engine's control topic (compacted, key rule id). */
  public static final Topic<RuleDefinition> RISK_RULES = RuleDefinition.TOPIC;

  /**
   * Credit grade changes (key: the participant's code), published by the credit job; see
   * docs/credit.md.
   */
  public static final Topic<CreditGradeChange> CREDIT_GRADES =
      new Topic<>(
          "sanliu.credit-grades",
          Json.mapper().constructType(CreditGradeChange.class),
          Topic.SCALED,
          false);

  /**
   * Review outcomes of alerts closed as true or false positives (key: the alert id), published by
   * the query API, read by the credit job; see docs/credit.md.
   */
  public static final Topic<AlertReview> ALERT_REVIEWS =
      new Topic<>(
          "sanliu.alert-reviews",
          Json.mapper().constructType(AlertReview.class),
          Topic.SCALED,
          false);

  /** The topic that carries each event type. */
  public static final Map<EventType, Topic<? extends Envelope<? extends BusinessEvent>>> BY_TYPE =
      Map.ofEntries(
          Map.entry(EventType.ORDER, ORDERS),
          Map.entry(EventType.PAYMENT, PAYMENTS),
          Map.entry(EventType.WAYBILL, WAYBILLS),
          Map.entry(EventType.LOGISTICS_EVENT, LOGISTICS_EVENTS),
          Map.entry(EventType.CUSTOMS_LIST, CUSTOMS_LISTS),
          Map.entry(EventType.CUSTOMS_RECEIPT, CUSTOMS_RECEIPTS),
          Map.entry(EventType.ENTERPRISE_FILING, ENTERPRISE_FILINGS),
          Map.entry(EventType.GOODS_FILING, GOODS_FILINGS),
          Map.entry(EventType.EVALUATION, EVALUATIONS),
          Map.entry(EventType.FX_RECEIPT, FX_RECEIPTS),
          Map.entry(EventType.RISK_ALERT, ALERTS));

  /** Every topic, for creation at start-up. */
  public static List<Topic<?>> all() {
    List<Topic<?>> all = new java.util.ArrayList<>(BY_TYPE.values());
    all.add(ALERT_REVIEWS);
    all.add(CREDIT_GRADES);
    all.add(DEAD_LETTER);
    all.add(FX_RATES);
    all.add(INGEST_RECEIPTS);
    all.add(NEGATIVE_LIST);
    all.add(RISK_RULES);
    all.add(SIMULATOR_TRUTH);
    all.sort(java.util.Comparator.comparing(Topic::name));
    return List.copyOf(all);
  }

  public static Map<String, Topic<?>> byName() {
    return all().stream().collect(Collectors.toMap(Topic::name, Function.identity()));
  }

  /** Business documents: partitioned by key for throughput, ordered per key. */
  private static <T extends BusinessEvent> Topic<Envelope<T>> business(
      String name, Class<T> payload) {
    return new Topic<>(name, envelopeOf(payload), Topic.SCALED, false);
  }

  /** Reference data read whole by every job instance: compacted, latest per key. */
  private static <T extends BusinessEvent> Topic<Envelope<T>> reference(
      String name, Class<T> payload) {
    return new Topic<>(name, envelopeOf(payload), 1, true);
  }

  private static JavaType envelopeOf(Class<?> payload) {
    return Json.mapper().getTypeFactory().constructParametricType(Envelope.class, payload);
  }
}
