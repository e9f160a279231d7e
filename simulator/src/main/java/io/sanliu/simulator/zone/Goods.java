package io.sanliu.simulator.zone;

import java.math.BigDecimal;

/**
 * One filed item of an enterprise (商品备案): what its orders and lists name, at a price near the filed
 * one.
 *
 * @param filedPrice the unit price filed, in {@code currency}
 * @param kg net weight of one unit
 * @param luxury priced beyond one retail import order's limit: only anomalies order it
 */
public record Goods(
    String itemRecordNo,
    String ebcCode,
    String itemNo,
    String itemName,
    String gcode,
    String gmodel,
    String originCountry,
    String unit,
    BigDecimal filedPrice,
    String currency,
    double kg,
    String barCode,
    boolean luxury) {}
