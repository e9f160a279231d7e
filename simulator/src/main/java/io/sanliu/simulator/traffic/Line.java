package io.sanliu.simulator.traffic;

import io.sanliu.simulator.zone.Goods;
import java.math.BigDecimal;

/** One line of an order: a filed item, how many, at what unit price. */
public record Line(Goods goods, BigDecimal qty, BigDecimal price, BigDecimal total) {

  static Line of(Goods goods, int qty, BigDecimal price) {
    BigDecimal q = BigDecimal.valueOf(qty);
    return new Line(goods, q, price, io.sanliu.simulator.zone.Money.times(price, q));
  }

  /** Net weight in kg. */
  double kg() {
    return goods.kg() * qty.doubleValue();
  }
}
