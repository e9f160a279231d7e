package io.sanliu.jobs.risk.technical;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.Json;
import io.sanliu.model.events.DocumentKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a refused payload names, read as well as it can be: a replay's payload is the records as
 * they were sent (one JSON record, or the message's array of them). A document with {@code ebpCode}
 * and {@code orderNo} (order, payment, list) gives its order key, else one with {@code
 * logisticsCode} and {@code logisticsNo} (waybill) its waybill key. A cut or unreadable payload
 * gives nothing: the message guid is what counts.
 */
record PayloadKeys(List<String> orderKeys, List<String> waybillKeys, List<String> recordGuids) {
  static final PayloadKeys NONE = new PayloadKeys(List.of(), List.of(), List.of());

  /** Enough for a message of a few records; the rest add nothing to an alert. */
  private static final int MAX_RECORDS = 20;

  static PayloadKeys read(String payload) {
    if (payload == null || payload.isBlank()) return NONE;
    JsonNode root;
    try {
      root = Json.mapper().readTree(payload);
    } catch (Exception e) {
      return NONE;
    }
    List<String> orders = new ArrayList<>();
    List<String> waybills = new ArrayList<>();
    List<String> guids = new ArrayList<>();
    List<JsonNode> records = new ArrayList<>();
    if (root.isArray()) root.forEach(records::add);
    else if (root.isObject()) records.add(root);
    for (JsonNode r : records.subList(0, Math.min(records.size(), MAX_RECORDS))) {
      String ebp = text(r, "ebpCode");
      String orderNo = text(r, "orderNo");
      String logisticsCode = text(r, "logisticsCode");
      String logisticsNo = text(r, "logisticsNo");
      if (ebp != null && orderNo != null) {
        addOnce(orders, DocumentKeys.order(ebp, orderNo));
      } else if (logisticsCode != null && logisticsNo != null) {
        addOnce(waybills, DocumentKeys.waybill(logisticsCode, logisticsNo));
      }
      String guid = text(r, "guid");
      if (guid != null) addOnce(guids, guid);
    }
    return new PayloadKeys(orders, waybills, guids);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isValueNode() || v.isNull()) return null;
    String t = v.asText().trim();
    return t.isEmpty() ? null : t;
  }

  private static void addOnce(List<String> list, String value) {
    if (!list.contains(value)) list.add(value);
  }
}
