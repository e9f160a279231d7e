package io.sanliu.model.events;

/** Every kind of event the platform carries, with the payload record that holds it. */
public enum EventType {
  ORDER(Order.class),
  PAYMENT(Payment.class),
  WAYBILL(Waybill.class),
  LOGISTICS_EVENT(LogisticsEvent.class),
  CUSTOMS_LIST(CustomsList.class),
  CUSTOMS_RECEIPT(CustomsReceipt.class),
  ENTERPRISE_FILING(EnterpriseFiling.class),
  GOODS_FILING(GoodsFiling.class),
  EVALUATION(Evaluation.class),
  FX_RECEIPT(FxReceipt.class),
  RISK_ALERT(RiskAlert.class);

  private final Class<? extends BusinessEvent> payloadClass;

  EventType(Class<? extends BusinessEvent> payloadClass) {
    this.payloadClass = payloadClass;
  }

  public Class<? extends BusinessEvent> payloadClass() {
    return payloadClass;
  }
}
