package io.sanliu.model.logistics;

import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.LogisticsStatus;
import java.util.Optional;

/**
 * Where a parcel is in its journey, as the logistics job tracks it per waybill: the customs steps
 * of its list (declared, inspection, released) and the carrier's tracking steps, one vocabulary.
 * The legal moves between them are in the logistics job's transition table; the constants are in
 * the usual order of a journey, which also orders two steps reported at the same instant.
 */
public enum ShipmentState {
  /** The customs list is declared (清单申报), accepted (120) or concluded (399). */
  DECLARED("已申报", true, false),
  /** Customs inspects the goods (查验, 500). */
  INSPECTION("查验中", true, false),
  /** Customs released the goods (放行, 800; closed 899 confirms it). */
  RELEASED("已放行", true, false),
  PICKED_UP("已揽收", false, false),
  /** The carrier reports the parcel cleared through the customs gate (通关). */
  CUSTOMS_CLEARANCE("已通关", false, false),
  DEPARTED("已发运", false, false),
  ARRIVED("已到达", false, false),
  OUT_FOR_DELIVERY("派送中", false, false),
  DELIVERED("已签收", false, true),
  /** The carrier reports a problem (delay, failed delivery); the journey may resume. */
  EXCEPTION("异常", false, false),
  /** Sent back: customs refused the list (退单, 100) or the carrier returned the parcel (退回). */
  RETURNED("已退回", false, true);

  private final String nameZh;
  private final boolean customs;
  private final boolean terminal;

  ShipmentState(String nameZh, boolean customs, boolean terminal) {
    this.nameZh = nameZh;
    this.customs = customs;
    this.terminal = terminal;
  }

  /** The label the screens show. */
  public String nameZh() {
    return nameZh;
  }

  /** A state customs reports (on list receipts), rather than the carrier. */
  public boolean customs() {
    return customs;
  }

  /** The journey ends here: delivered or returned. */
  public boolean terminal() {
    return terminal;
  }

  /** The state a carrier's tracking status reports. */
  public static ShipmentState of(LogisticsStatus status) {
    return switch (status) {
      case PICKED_UP -> PICKED_UP;
      case DEPARTED -> DEPARTED;
      case ARRIVED -> ARRIVED;
      case CUSTOMS_CLEARANCE -> CUSTOMS_CLEARANCE;
      case OUT_FOR_DELIVERY -> OUT_FOR_DELIVERY;
      case DELIVERED -> DELIVERED;
      case EXCEPTION -> EXCEPTION;
      case RETURNED -> RETURNED;
    };
  }

  /**
   * The state a customs list status reports (DOMAIN.md §3); empty for a status that says nothing
   * about where the goods are.
   */
  public static Optional<ShipmentState> ofListStatus(String returnStatus) {
    if (returnStatus == null) return Optional.empty();
    return switch (returnStatus.trim()) {
      case CustomsReceipt.ACCEPTED, CustomsReceipt.CONCLUDED -> Optional.of(DECLARED);
      case CustomsReceipt.INSPECTION -> Optional.of(INSPECTION);
      case CustomsReceipt.RELEASED, CustomsReceipt.CLOSED -> Optional.of(RELEASED);
      case CustomsReceipt.RETURNED -> Optional.of(RETURNED);
      default -> Optional.empty();
    };
  }
}
