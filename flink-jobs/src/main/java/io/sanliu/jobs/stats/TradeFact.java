package io.sanliu.jobs.stats;

import java.time.Instant;
import java.util.List;

/**
 * One counted document, its amounts already in yuan: a new order (platform caliber) or a released
 * customs list (customs caliber). Dimension values are never null: a missing one is {@link
 * TradeFacts#UNKNOWN}, except {@code portCode}, which orders do not have.
 *
 * @param documentKey {@code ebpCode:orderNo}
 * @param sourceGuid the guid of the order or list record, for dead letters
 * @param eventTime when it counts: the order's time, or the release's
 * @param parcels packages: one per order, the list's {@code packNo} for a list
 * @param valueCents goods value in yuan, in cents
 * @param buyer keyed hash of the buyer's ID number, null when the document names none
 * @param lines the goods lines
 */
public record TradeFact(
    Caliber caliber,
    String documentKey,
    String sourceGuid,
    Instant eventTime,
    String direction,
    String tradeMode,
    String country,
    String ebpCode,
    String ebcCode,
    String portCode,
    long parcels,
    long valueCents,
    String buyer,
    List<FactLine> lines) {}
