package io.sanliu.jobs.risk.goods;

import java.math.BigDecimal;

/**
 * A line of goods that were never filed, with the median of its HS code's recent prices (before
 * this line) and how many prices that median is taken over.
 */
public record PriceContext(PricedLine line, BigDecimal median, int samples) {}
