package io.sanliu.jobs.logistics;

import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.DocumentKeys;

/**
 * What the customs list tells of a parcel beyond its timeline: its order, direction, partner
 * country (origin of an import, destination of an export), trade mode and main transport mode.
 *
 * @param tradeMode the customs supervision code (9610, 1210...), null when unknown
 * @param transportMode AIR, RAIL, SEA or ROAD from the list's {@code trafMode}, null when unknown
 */
public record ShipmentFacts(
    String orderKey,
    String ebpCode,
    String orderNo,
    Direction direction,
    String partnerCountry,
    String tradeMode,
    String transportMode) {

  static ShipmentFacts of(CustomsList l) {
    return new ShipmentFacts(
        l.ebpCode() != null && l.orderNo() != null
            ? DocumentKeys.order(l.ebpCode(), l.orderNo())
            : null,
        l.ebpCode(),
        l.orderNo(),
        l.direction(),
        l.country(),
        l.tradeMode() == null ? null : l.tradeMode().code(),
        transportMode(l.trafMode()));
  }

  /**
   * The customs transport-mode code ({@code trafMode}) as a tracking mode: 2 waterway, 3 rail, 4
   * road, 5 air; the others (bonded areas, mail, other) say nothing about the line haul.
   */
  static String transportMode(String trafMode) {
    if (trafMode == null) return null;
    return switch (trafMode.trim()) {
      case "2" -> "SEA";
      case "3" -> "RAIL";
      case "4" -> "ROAD";
      case "5" -> "AIR";
      default -> null;
    };
  }
}
