package io.sanliu.model.events;

import java.math.BigDecimal;

/** One line of an order ({@code OrderList} of CEB311/CEB303). */
public record OrderItem(
    int gnum,
    String itemNo,
    String itemName,
    String gmodel,
    String itemDescribe,
    String barCode,
    String unit,
    BigDecimal qty,
    BigDecimal price,
    BigDecimal totalPrice,
    String currency,
    String country,
    String note) {}
