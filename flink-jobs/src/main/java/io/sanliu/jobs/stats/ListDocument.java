package io.sanliu.jobs.stats;

import io.sanliu.jobs.kafka.PayloadFilter;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.ReceiptKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A customs list, or a receipt releasing one, under the key they meet by: the order's (ebpCode,
 * orderNo). A receipt that names its list only by the list's numbers (copNo, else invtNo, as real
 * CEB622 receipts often do; see {@link CustomsReceipt#businessKey()}) is first given the order's
 * key by {@link ListNumberLinker}, so a list waits for its release under one key only. Exactly one
 * of {@code list} and {@code releasedAt} is set.
 *
 * @param joinKey the key the list and its receipt share (a list number's key for a release not
 *     linked yet)
 * @param guid the record's guid
 * @param source the sender
 * @param releasedAt the release time a receipt gives
 */
public record ListDocument(
    String joinKey, CustomsList list, String guid, String source, Instant releasedAt) {

  /** The list under its order's key; nothing for a deleted list. */
  public static Optional<ListDocument> ofList(Envelope<CustomsList> e) {
    CustomsList list = e.payload();
    if (list.appType() == AppType.DELETE) return Optional.empty();
    return Optional.of(
        new ListDocument(list.businessKey(), countedPart(list), e.messageGuid(), e.source(), null));
  }

  /**
   * The list with only what the customs caliber counts ({@link TradeFacts#ofRelease}): a list waits
   * for its release for days and is serialised at every checkpoint; names, addresses, weights and
   * goods descriptions would be most of its bytes.
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
   * list was released, whether or not its 800 came through). Under the receipt's key: the order's,
   * or when it names no order a list number's ({@link #namesOrder()}).
   */
  public static Optional<ListDocument> ofReceipt(Envelope<CustomsReceipt> e) {
    CustomsReceipt r = e.payload();
    if (r.kind() != ReceiptKind.CUSTOMS_LIST || !releases(r.returnStatus())) {
      return Optional.empty();
    }
    if (r.returnTime() == null || r.businessKey() == null) return Optional.empty();
    return Optional.of(
        new ListDocument(r.businessKey(), null, e.messageGuid(), e.source(), r.returnTime()));
  }

  /** Whether a release names its list's order (else one of the list's numbers). */
  static boolean namesOrder(Envelope<CustomsReceipt> e) {
    return e.payload().orderNo() != null;
  }

  /** This release under the order's key a list number was linked to. */
  ListDocument linkedTo(String orderKey) {
    return new ListDocument(orderKey, null, guid, source, releasedAt);
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
