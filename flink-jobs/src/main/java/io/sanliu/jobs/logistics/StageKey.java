package io.sanliu.jobs.logistics;

import io.sanliu.model.logistics.ShipmentState;

/**
 * What stage durations are compared by: the stage (a state), the route, the line-haul mode and the
 * carrier; or the stage alone over every route, mode and carrier ({@link #overall}), the fallback
 * where a detailed key has too little history.
 *
 * @param route a {@link Route} label, {@code UNKNOWN}, or {@code ALL}
 * @param transportMode AIR, RAIL, SEA, ROAD, {@code UNKNOWN}, or {@code ALL}
 * @param carrier the logisticsCode, {@code UNKNOWN}, or {@code ALL}
 */
public record StageKey(ShipmentState stage, String route, String transportMode, String carrier) {
  public static final String ALL = "ALL";
  public static final String UNKNOWN = "UNKNOWN";

  public static StageKey of(
      ShipmentState stage, String route, String transportMode, String carrier) {
    return new StageKey(stage, orUnknown(route), orUnknown(transportMode), orUnknown(carrier));
  }

  /** The key of a document's current stage. */
  static StageKey of(ShipmentDocument d) {
    return of(d.state(), d.route(), d.transportMode(), d.logisticsCode());
  }

  public static StageKey overall(ShipmentState stage) {
    return new StageKey(stage, ALL, ALL, ALL);
  }

  /** The same dimensions for another stage. */
  StageKey forStage(ShipmentState other) {
    return new StageKey(other, route, transportMode, carrier);
  }

  public boolean isOverall() {
    return ALL.equals(route) && ALL.equals(transportMode) && ALL.equals(carrier);
  }

  /** The keyed-state key and document id: {@code stage|route|mode|carrier}. */
  public String id() {
    return stage + "|" + route + "|" + transportMode + "|" + carrier;
  }

  private static String orUnknown(String s) {
    return s == null || s.isBlank() ? UNKNOWN : s;
  }
}
