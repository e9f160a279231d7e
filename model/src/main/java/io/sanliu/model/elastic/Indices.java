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

  /** Every index that has a template. */
  public static final List<String> ALL =
      List.of(ORDERS_PER_MODE, MATCHES, ALERTS, SHIPMENTS, LOGISTICS_STAGES);

  /** Classpath resource of an index's template. */
  public static String templateResource(String index) {
    return "es/templates/" + index + ".json";
  }
}
