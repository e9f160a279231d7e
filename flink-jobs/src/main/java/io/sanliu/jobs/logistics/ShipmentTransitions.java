package io.sanliu.jobs.logistics;

import static io.sanliu.model.logistics.ShipmentState.ARRIVED;
import static io.sanliu.model.logistics.ShipmentState.CUSTOMS_CLEARANCE;
import static io.sanliu.model.logistics.ShipmentState.DECLARED;
import static io.sanliu.model.logistics.ShipmentState.DELIVERED;
import static io.sanliu.model.logistics.ShipmentState.DEPARTED;
import static io.sanliu.model.logistics.ShipmentState.EXCEPTION;
import static io.sanliu.model.logistics.ShipmentState.INSPECTION;
import static io.sanliu.model.logistics.ShipmentState.OUT_FOR_DELIVERY;
import static io.sanliu.model.logistics.ShipmentState.PICKED_UP;
import static io.sanliu.model.logistics.ShipmentState.RELEASED;
import static io.sanliu.model.logistics.ShipmentState.RETURNED;

import io.sanliu.model.logistics.ShipmentState;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The legal transitions of a parcel's state: the table of docs/logistics.md. Customs and the
 * carrier report on two tracks that interleave (an import is declared while it flies; an export is
 * picked up before or after its list is accepted), so a state may follow another on either track as
 * long as the goods do not go back nor skip the step that lets them go on: nothing is delivered
 * before it was out for delivery (or arrived at an overseas warehouse), nothing leaves customs'
 * hands without a release, nothing moves after delivery or return.
 *
 * <p>Besides the table: an exception may interrupt any journey not ended, and is transparent (the
 * parcel resumes its state before it, or goes to any state allowed from there); a return may end
 * any journey not ended; a state reported again is a repeat; a customs state already passed is a
 * confirmation.
 */
public final class ShipmentTransitions {
  private static final Map<ShipmentState, Set<ShipmentState>> NEXT =
      new EnumMap<>(ShipmentState.class);

  static {
    allow(DECLARED, INSPECTION, RELEASED, PICKED_UP, DEPARTED, ARRIVED);
    allow(INSPECTION, RELEASED);
    allow(RELEASED, PICKED_UP, CUSTOMS_CLEARANCE, DEPARTED, ARRIVED, OUT_FOR_DELIVERY);
    allow(PICKED_UP, DECLARED, INSPECTION, RELEASED, CUSTOMS_CLEARANCE, DEPARTED);
    allow(CUSTOMS_CLEARANCE, DEPARTED, OUT_FOR_DELIVERY);
    allow(DEPARTED, DECLARED, RELEASED, ARRIVED);
    allow(
        ARRIVED,
        DECLARED,
        INSPECTION,
        RELEASED,
        CUSTOMS_CLEARANCE,
        DEPARTED,
        OUT_FOR_DELIVERY,
        DELIVERED);
    allow(OUT_FOR_DELIVERY, DELIVERED);
    allow(EXCEPTION); // transparent: see judge
    allow(DELIVERED);
    allow(RETURNED);
  }

  private ShipmentTransitions() {}

  private static void allow(ShipmentState from, ShipmentState... to) {
    Set<ShipmentState> next = EnumSet.noneOf(ShipmentState.class);
    next.addAll(List.of(to));
    if (!from.terminal()) {
      next.add(EXCEPTION);
      next.add(RETURNED);
    }
    next.remove(from); // staying is a repeat, not a transition
    NEXT.put(from, Collections.unmodifiableSet(next));
  }

  /**
   * The states the table allows right after {@code from} (for {@link ShipmentState#EXCEPTION}, only
   * a return; leaving an exception depends on the state before it, see {@link #judge}).
   */
  public static Set<ShipmentState> next(ShipmentState from) {
    return NEXT.get(from);
  }

  public static boolean allows(ShipmentState from, ShipmentState to) {
    return NEXT.get(from).contains(to);
  }

  /**
   * What a report of {@code to} does, the parcel being in {@code current}.
   *
   * @param current the state before the report; null before any report
   * @param beforeException the state before the current exception (null if none or unknown); used
   *     only when {@code current} is {@link ShipmentState#EXCEPTION}
   * @param passed every state the parcel was in so far
   */
  public static Move judge(
      ShipmentState current,
      ShipmentState beforeException,
      Set<ShipmentState> passed,
      ShipmentState to) {
    if (current == null) return Move.FIRST;
    if (to == current) return Move.REPEAT;
    if (to.customs() && passed.contains(to)) return Move.CONFIRM;
    if (current == EXCEPTION) {
      if (beforeException == null) return Move.ADVANCE; // nothing known before it
      if (to == beforeException) return Move.RESUME;
      return allows(beforeException, to) ? Move.ADVANCE : Move.ILLEGAL;
    }
    return allows(current, to) ? Move.ADVANCE : Move.ILLEGAL;
  }
}
