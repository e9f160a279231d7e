package io.sanliu.simulator.zone;

import java.util.List;

/**
 * A kind of goods the zone trades, from which enterprises file their items.
 *
 * @param gcode 10-digit HS code
 * @param name Chinese name as filed
 * @param spec specification (gmodel)
 * @param unit customs unit code (007 个, 011 件, 025 双, 122 罐, 142 瓶...)
 * @param minCny lowest unit price in CNY
 * @param maxCny highest unit price in CNY
 * @param kg net weight of one unit
 * @param origins customs country codes the goods come from (imports)
 * @param direction whether the zone imports or exports it
 * @param luxury priced beyond what one retail import order may hold: only anomalies order it
 */
public record Product(
    String gcode,
    String name,
    String spec,
    String unit,
    double minCny,
    double maxCny,
    double kg,
    List<String> origins,
    Trade direction,
    boolean luxury) {

  /** Which way the zone trades a product. */
  public enum Trade {
    IMPORT,
    EXPORT
  }

  /** The HS chapter. */
  public String chapter() {
    return gcode.substring(0, 2);
  }
}
