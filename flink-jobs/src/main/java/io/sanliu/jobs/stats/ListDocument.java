package io.sanliu.jobs.stats;

import io.sanliu.jobs.kafka.PayloadFilter;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.ReceiptKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A customs list, or a receipt releasing one, under the key they meet by. A receipt names its list
 * by the order (ebpCode, orderNo) or, as real CEB622 receipts often do, only by the list's numbers
 * (copNo, else invtNo; see {@link CustomsReceipt#businessKey()}); so a list is filed under each key
 * a receipt may use. Exactly one of {@code list} and {@code releasedAt} is set.
 *
 * @param joinKey the key the list and its receipt share
 * @param guid the record's guid
 * @param source the sender
 * @param releasedAt the release time a receipt gives
 */
public record ListDocument(
    String joinKey, CustomsList list, String guid, String source, Instant releasedAt) {

  /** The list under every key a receipt may name it by; nothing for a deleted list. */
  public static List<ListDocument> ofList(Envelope<CustomsList> e) {
    CustomsList list = e.payload();
    if (list.appType() == AppType.DELETE) return List.of();
    Set<String> keys = new LinkedHashSet<>();
    keys.add(list.businessKey());
    if (list.copNo() != null) keys.add(DocumentKeys.customsList(list.ebpCode(), list.copNo()));
    if (list.invtNo() != null) keys.add(DocumentKeys.customsList(list.ebpCode(), list.invtNo()));
    CustomsList counted = countedPart(list);
    List<ListDocument> docs = new ArrayList<>();
    for (String k : keys) docs.add(new ListDocument(k, counted, e.messageGuid(), e.source(), null));
    return docs;
  }

  /**
   * The list with only what the customs caliber counts ({@link TradeFacts#ofRelease}): a list waits
   * under up to three keys for its release, for days, and is serialised at every checkpoint; names,
   * addresses, weights and goods descriptions would be most of its bytes.
   */
  static CustomsList countedPart(CustomsList l) {
    List<CustomsListItem> items = null;
    if (l.items() != null) {
      items = new ArrayList<>(l.items().size());
      for (CustomsListItem i : l.items()) {
        items.add(
            new CustomsListItem(
                i.gnum(),
                null,
                null,
                null,
                i.gcode(),
                null,
                null,
                null,
                i.currency(),
                i.qty(),
                null,
                null,
                null,
                i.price(),
                i.totalPrice()));
      }
    }
    return new CustomsList(
        null,
        l.appType(),
        l.appTime(),
        null,
        l.orderNo(),
        l.ebpCode(),
        l.ebcCode(),
        null,
        null,
        null,
        null,
        null,
        null,
        l.direction(),
        l.declTime(),
        null,
        l.portCode(),
        null,
        null,
        l.buyerId(),
        null,
        null,
        null,
        null,
        null,
        l.tradeMode(),
        null,
        l.country(),
        null,
        null,
        l.currency(),
        l.packNo(),
        null,
        null,
        items);
  }

  /**
   * The release a list receipt reports, if it reports one: 800 released, or 899 closed (a closed
   * list was released, whether or not its 800 came through).
   */
  public static List<ListDocument> ofReceipt(Envelope<CustomsReceipt> e) {
    CustomsReceipt r = e.payload();
    if (r.kind() != ReceiptKind.CUSTOMS_LIST || !releases(r.returnStatus())) return List.of();
    if (r.returnTime() == null || r.businessKey() == null) return List.of();
    return List.of(
        new ListDocument(r.businessKey(), null, e.messageGuid(), e.source(), r.returnTime()));
  }

  /**
   * The receipts worth decoding: those {@link #ofReceipt} may take. The job passes over the others
   * undecoded (six in seven of the receipts topic in the simulated zones).
   */
  static final PayloadFilter RELEASES =
      PayloadFilter.where("kind", Set.of(ReceiptKind.CUSTOMS_LIST.name()))
          .and("returnStatus", Set.of(CustomsReceipt.RELEASED, CustomsReceipt.CLOSED));

  static boolean releases(String status) {
    return CustomsReceipt.RELEASED.equals(status) || CustomsReceipt.CLOSED.equals(status);
  }

  public boolean isList() {
    return list != null;
  }
}
