package io.sanliu.jobs.matching;

/**
 * One comparison between two documents of a parcel, as the console shows it.
 *
 * @param field what was compared, e.g. {@code amountPaid=acturalPaid}
 * @param documents which documents, e.g. {@code payment/order}
 * @param left the first document's value (masked where personal)
 * @param right the second document's value (masked where personal)
 * @param ok whether they agree
 */
public record FieldCheck(String field, String documents, String left, String right, boolean ok) {}
