package io.sanliu.model.elastic;

import java.util.List;

/**
 * The platform's Elasticsearch indices. Each has an index template in the model's resources under
 * {@code es/templates/<name>.json}, installed at start-up.
 */
public final class Indices {
  private Indices() {}

  /** Orders counted per trade mode per one-minute event-time window (the foundation slice). */
  public static final String ORDERS_PER_MODE = "sanliu-orders-per-mode";

  /** The latest three-document match result of each parcel (id ebpCode:orderNo). */
  public static final String MATCHES = "sanliu-matches";

  /**
   * Risk alerts (id = the alert's deterministic id). Its ingest pipeline {@link #ALERTS_PIPELINE}
   * stamps {@code indexedAt}, so latency from ingest to alert is measurable.
   */
  public static final String ALERTS = "sanliu-alerts";

  /** The composite index (综合指数), one document per minute; see docs/composite-index.md. */
  public static final String COMPOSITE_INDEX = "sanliu-composite-index";

  /** The default ingest pipeline of {@link #ALERTS}. */
  public static final String ALERTS_PIPELINE = "sanliu-alerts-indexed-at";

  /**
   * One document per waybill (id logisticsCode:logisticsNo): its state, sorted timeline, stage
   * durations, stalled flag and ETA, kept by the logistics job.
   */
  public static final String SHIPMENTS = "sanliu-shipments";

  /**
   * Running statistics of stage durations per stage, route, transport mode and carrier (and per
   * stage over all of them), kept by the logistics job for the timeliness panel.
   */
  public static final String LOGISTICS_STAGES = "sanliu-logistics-stages";

  /**
   * Trade statistics (统计监测): one document per caliber, window (1 minute, 1 hour, 1 day) and cube
   * slice (the total, or one value of one dimension), with every measure. Id: caliber, window size,
   * window start and the slice's dimension values, so a late update overwrites it. See
   * docs/statistics.md.
   */
  public static final String TRADE_STATS = "sanliu-trade-stats";

  /**
   * The top-N countries, enterprises and goods of each caliber, window and direction: one document
   * per rank (id: caliber, window size, window start, dimension, direction, rank).
   */
  public static final String TRADE_TOP = "sanliu-trade-top";

  /**
   * The review lifecycle of alerts (id = alert id): status, assignee, outcome, who and when. Kept
   * apart from {@link #ALERTS} because the risk engine rewrites an alert whole whenever it learns
   * more; a risk officer's decision must survive that. The query API joins the two at read time.
   */
  public static final String ALERT_STATUS = "sanliu-alert-status";

  /** Every status change of an alert: who, when, from, to, comment (append-only). */
  public static final String ALERT_AUDIT = "sanliu-alert-audit";

  /**
   * Every business document of the zone (orders, payments, waybills, tracking events, customs lists
   * and receipts, evaluations, filings), one per record (id type:sender:guid), kept by the
   * document-archive job for the order trace and the enterprise profile. Personal values as
   * travelled on Kafka: keyed hash and masked form only.
   */
  public static final String DOCUMENTS = "sanliu-documents";

  /**
   * The current credit profile of each participant (id: its code): score, grade, every factor's
   * contribution and the figures behind them. Kept by the credit job; see docs/credit.md.
   */
  public static final String CREDIT = "sanliu-credit";

  /**
   * Every score change of every participant (id: code@revision), the profile as it was then: the
   * score over time and why it moved.
   */
  public static final String CREDIT_HISTORY = "sanliu-credit-history";

  /**
   * Every change of the negative list made through the API (id: entryId:action): who listed an
   * entry, when and why (append-only).
   */
  public static final String NEGATIVE_LIST_AUDIT = "sanliu-negative-list-audit";

  /**
   * The verified trade ledger: one document per parcel of verified turnover (matched COMPLETE and
   * released), id ebpCode:orderNo, kept by the credit job for the trade credit report and the tax
   * summary; see docs/credit.md.
   */
  public static final String VERIFIED_TRADE = "sanliu-verified-trade";

  /** Every index that has a template. */
  public static final List<String> ALL =
      List.of(
          ORDERS_PER_MODE,
          MATCHES,
          ALERTS,
          ALERT_STATUS,
          ALERT_AUDIT,
          SHIPMENTS,
          LOGISTICS_STAGES,
          TRADE_STATS,
          TRADE_TOP,
          COMPOSITE_INDEX,
          DOCUMENTS,
          CREDIT,
          CREDIT_HISTORY,
          NEGATIVE_LIST_AUDIT,
          VERIFIED_TRADE);

  /** Classpath resource of an index's template. */
  public static String templateResource(String index) {
    return "es/templates/" + index + ".json";
  }
}
