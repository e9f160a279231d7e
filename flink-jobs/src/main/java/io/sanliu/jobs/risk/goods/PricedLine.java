package io.sanliu.jobs.risk.goods;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.TradeMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One priced line of a customs list, keyed by HS code and currency: prices are only comparable
 * within both.
 */
public record PricedLine(
    String orderKey,
    String ebcCode,
    TradeMode tradeMode,
    String itemNo,
    String itemRecordNo,
    String gcode,
    String currency,
    BigDecimal price,
    Instant eventTime,
    Instant ingestTime) {

  public String priceKey() {
    return gcode + ":" + currency;
  }

  /** The priced lines of a list (none for a deletion). */
  public static List<PricedLine> of(Envelope<CustomsList> envelope) {
    CustomsList list = envelope.payload();
    List<PricedLine> out = new ArrayList<>();
    if (list.appType() == AppType.DELETE || list.items() == null) return out;
    for (CustomsListItem item : list.items()) {
      if (item.gcode() == null || item.price() == null || item.price().signum() <= 0) continue;
      String currency = item.currency() != null ? item.currency() : list.currency();
      if (currency == null) continue;
      out.add(
          new PricedLine(
              envelope.key(),
              list.ebcCode(),
              list.tradeMode(),
              item.itemNo(),
              item.itemRecordNo(),
              item.gcode(),
              currency,
              item.price(),
              list.eventTime(),
              envelope.ingestTime()));
    }
    return out;
  }
}
