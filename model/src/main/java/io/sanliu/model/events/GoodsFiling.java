package io.sanliu.model.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A goods filing: the filed item and its declared unit price, which the undervaluation rule
 * compares with.
 */
public record GoodsFiling(
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
    AppType appType,
    Instant filedAt)
    implements BusinessEvent {

  @Override
  public String businessKey() {
    return ebcCode + ":" + itemRecordNo;
  }

  @Override
  public Instant eventTime() {
    return filedAt;
  }
}
