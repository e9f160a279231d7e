package io.sanliu.jobs.stats;

/**
 * One goods line of a counted document, in yuan.
 *
 * @param goods the 10-digit HS code (customs caliber) or {@code ebcCode:itemNo} (platform caliber)
 * @param chapter the HS chapter; null on the platform caliber (orders carry no HS code)
 * @param valueCents the line's value converted to yuan, in cents
 */
public record FactLine(String goods, String chapter, long valueCents) {}
