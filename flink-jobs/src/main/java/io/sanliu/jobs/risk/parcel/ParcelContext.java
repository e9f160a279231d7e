package io.sanliu.jobs.risk.parcel;

import io.sanliu.jobs.matching.MatchResult;
import io.sanliu.jobs.matching.MatchStatus;
import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;

/**
 * What the parcel rules see: one outcome of three-document matching, with the documents it was made
 * on. An outcome may be a partial view (a mismatch reported as a document arrives) or the last word
 * (incomplete at a deadline); the rules tell them apart by {@link #status()} and what is there.
 */
public record ParcelContext(ParcelOutcome outcome) {

  public MatchResult result() {
    return outcome.result();
  }

  public MatchStatus status() {
    return outcome.status();
  }

  /** Reported incomplete: at a deadline, with documents still missing and nothing disagreeing. */
  public boolean incomplete() {
    return status() == MatchStatus.INCOMPLETE;
  }

  public Order order() {
    return outcome.documents().order();
  }

  public Payment payment() {
    return outcome.documents().payment();
  }

  public Waybill waybill() {
    return outcome.documents().waybill();
  }

  public CustomsList list() {
    return outcome.documents().list();
  }

  /** {@code ebpCode:orderNo} from whichever document names it; null for a lone waybill. */
  public String orderKey() {
    if (order() != null) return order().businessKey();
    if (payment() != null) return payment().businessKey();
    if (list() != null) return list().businessKey();
    return null;
  }

  /** {@code logisticsCode:logisticsNo} from the waybill, or from the list that names it. */
  public String waybillKey() {
    if (waybill() != null) return waybill().businessKey();
    if (list() != null && list().logisticsNo() != null) {
      return DocumentKeys.waybill(list().logisticsCode(), list().logisticsNo());
    }
    return null;
  }

  /** The order's direction, else the list's or the waybill's. */
  public Direction direction() {
    if (order() != null && order().direction() != null) return order().direction();
    if (list() != null && list().direction() != null) return list().direction();
    return waybill() == null ? null : waybill().direction();
  }

  /** The order's trade mode (platforms may leave it out), else the list's. */
  public TradeMode tradeMode() {
    if (order() != null && order().tradeMode() != null) return order().tradeMode();
    return list() == null ? null : list().tradeMode();
  }

  /** The e-commerce enterprise: the order's, else the list's. */
  public String enterpriseCode() {
    if (order() != null && order().ebcCode() != null) return order().ebcCode();
    return list() == null ? null : list().ebcCode();
  }

  /** Retail import: direction I, 9610 or 1210 (where the single limit, quota and tax apply). */
  public boolean retailImport() {
    return TradeMode.retailImport(direction(), tradeMode());
  }

  public boolean export() {
    return direction() == Direction.E;
  }

  /** The buyer's keyed ID hash (the order's, else the list's); null when neither names one. */
  public String buyerHash() {
    PersonalField id = order() != null ? order().buyerId() : null;
    if (id == null && list() != null) id = list().buyerId();
    return id == null ? null : id.hash();
  }

  /**
   * Insurance as the documents declare it: the list's, else the waybill's, else none (the order
   * carries none).
   */
  public BigDecimal insuredFee() {
    if (list() != null && list().insuredFee() != null) return list().insuredFee();
    if (waybill() != null && waybill().insuredFee() != null) return waybill().insuredFee();
    return BigDecimal.ZERO;
  }

  static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
