package io.sanliu.simulator.sink;

import io.sanliu.model.ceb.CebMessageType;
import io.sanliu.model.events.EventType;
import io.sanliu.simulator.traffic.Doc;
import java.util.Map;

/** The gateway's route per document type, and the CEB message type of a document. */
public final class Routes {
  private Routes() {}

  /** {@code POST /ingest/v1/<path>} per type (docs/ingest.md). */
  public static final Map<EventType, String> PATHS =
      Map.of(
          EventType.ORDER, "orders",
          EventType.PAYMENT, "payments",
          EventType.WAYBILL, "waybills",
          EventType.LOGISTICS_EVENT, "logistics-events",
          EventType.CUSTOMS_LIST, "customs-lists",
          EventType.CUSTOMS_RECEIPT, "customs-receipts",
          EventType.ENTERPRISE_FILING, "enterprise-filings",
          EventType.GOODS_FILING, "goods-filings",
          EventType.EVALUATION, "evaluations",
          EventType.FX_RECEIPT, "fx-receipts");

  public static String path(EventType type) {
    String p = PATHS.get(type);
    if (p == null) throw new IllegalArgumentException(type + " is not pushed to the gateway");
    return "/ingest/v1/" + p;
  }

  /** The CEB message that carries a document, or null for types without one (JSON only). */
  public static CebMessageType cebType(Doc doc) {
    boolean export = "E".equals(doc.text("orderType")) || "E".equals(doc.text("ieFlag"));
    return switch (doc.type()) {
      case ORDER -> export ? CebMessageType.CEB303 : CebMessageType.CEB311;
      case PAYMENT -> CebMessageType.CEB411;
      case WAYBILL -> export ? CebMessageType.CEB505 : CebMessageType.CEB511;
      case CUSTOMS_LIST -> export ? CebMessageType.CEB603 : CebMessageType.CEB621;
      case CUSTOMS_RECEIPT ->
          switch (doc.text("kind")) {
            case "ORDER" -> CebMessageType.CEB312;
            case "PAYMENT" -> CebMessageType.CEB412;
            case "WAYBILL" -> CebMessageType.CEB512;
            default -> CebMessageType.CEB622;
          };
      default -> null;
    };
  }
}
