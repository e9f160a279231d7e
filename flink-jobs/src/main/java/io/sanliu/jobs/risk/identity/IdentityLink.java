package io.sanliu.jobs.risk.identity;

import io.sanliu.model.events.TradeMode;
import java.time.Instant;

/**
 * One order's evidence that two identities go together: an address, telephone or payer (the
 * subject) used for a buyer ID, or a buyer ID (the subject) sending to an address. Both are keyed
 * hashes.
 *
 * @param ingestTime when the gateway took in the document; null when unknown
 */
public record IdentityLink(
    IdentityDimension dimension,
    String subjectHash,
    String linkedHash,
    String orderKey,
    String ebcCode,
    TradeMode tradeMode,
    Instant eventTime,
    Instant ingestTime) {

  /** The operator's key: one shared address, telephone, payer or buyer. */
  public String subjectKey() {
    return dimension.name() + ":" + subjectHash;
  }
}
