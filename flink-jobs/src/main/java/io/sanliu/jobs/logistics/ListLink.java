package io.sanliu.jobs.logistics;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import java.util.ArrayList;
import java.util.List;

/**
 * A customs list's word that receipts keyed by {@code linkKey} are about the waybill it names.
 * Receipts of lists carry the order (ebpCode, orderNo) or, when they name no order, the list's own
 * numbers (copNo, invtNo), but never the waybill: the list joins them.
 *
 * @param linkKey a key a list receipt may carry ({@link
 *     io.sanliu.model.events.CustomsReceipt#businessKey()})
 */
public record ListLink(String linkKey, String logisticsCode, String logisticsNo) {

  public String waybillKey() {
    return DocumentKeys.waybill(logisticsCode, logisticsNo);
  }

  /**
   * The links of a list: under its order key, and under its enterprise and customs list numbers;
   * none when it names no waybill or is withdrawn.
   */
  public static List<ListLink> of(Envelope<CustomsList> envelope) {
    CustomsList l = envelope.payload();
    List<ListLink> out = new ArrayList<>();
    if (blank(l.logisticsCode()) || blank(l.logisticsNo()) || l.appType() == AppType.DELETE) {
      return out;
    }
    if (!blank(l.ebpCode()) && !blank(l.orderNo())) {
      out.add(link(DocumentKeys.order(l.ebpCode(), l.orderNo()), l));
    }
    if (!blank(l.copNo())) out.add(link(DocumentKeys.customsList(l.ebpCode(), l.copNo()), l));
    if (!blank(l.invtNo())) out.add(link(DocumentKeys.customsList(l.ebpCode(), l.invtNo()), l));
    return out;
  }

  private static ListLink link(String key, CustomsList l) {
    return new ListLink(key, l.logisticsCode(), l.logisticsNo());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
