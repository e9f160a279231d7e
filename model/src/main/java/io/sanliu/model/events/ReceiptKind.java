package io.sanliu.model.events;

/** Which document a customs receipt answers: CEB312, CEB412, CEB512 or CEB622. */
public enum ReceiptKind {
  ORDER,
  PAYMENT,
  WAYBILL,
  CUSTOMS_LIST
}
