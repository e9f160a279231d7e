package io.sanliu.model.events;

import java.math.BigDecimal;

/** One line of a customs list ({@code InventoryList} of CEB621/CEB603). */
public record CustomsListItem(
    int gnum,
    String itemRecordNo,
    String itemNo,
    String itemName,
    String gcode,
    String gname,
    String gmodel,
    String country,
    String currency,
    BigDecimal qty,
    String unit,
    BigDecimal qty1,
    String unit1,
    BigDecimal price,
    BigDecimal totalPrice) {

  /** The HS chapter: the first two digits of the 10-digit code. */
  public String hsChapter() {
    return gcode == null || gcode.length() < 2 ? null : gcode.substring(0, 2);
  }
}
