package io.sanliu.ingest.message;

import io.sanliu.model.events.EventType;
import java.util.Arrays;
import java.util.Optional;

/** The gateway's path per document type: {@code POST /ingest/v1/<path>}. */
public enum DocumentRoute {
  ORDERS("orders", EventType.ORDER),
  PAYMENTS("payments", EventType.PAYMENT),
  WAYBILLS("waybills", EventType.WAYBILL),
  LOGISTICS_EVENTS("logistics-events", EventType.LOGISTICS_EVENT),
  CUSTOMS_LISTS("customs-lists", EventType.CUSTOMS_LIST),
  CUSTOMS_RECEIPTS("customs-receipts", EventType.CUSTOMS_RECEIPT),
  ENTERPRISE_FILINGS("enterprise-filings", EventType.ENTERPRISE_FILING),
  GOODS_FILINGS("goods-filings", EventType.GOODS_FILING),
  EVALUATIONS("evaluations", EventType.EVALUATION),
  FX_RECEIPTS("fx-receipts", EventType.FX_RECEIPT);

  private final String path;
  private final EventType type;

  DocumentRoute(String path, EventType type) {
    this.path = path;
    this.type = type;
  }

  public String path() {
    return path;
  }

  public EventType type() {
    return type;
  }

  public static Optional<DocumentRoute> ofPath(String path) {
    return Arrays.stream(values()).filter(r -> r.path.equals(path)).findFirst();
  }
}
