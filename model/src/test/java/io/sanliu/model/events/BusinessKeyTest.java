package io.sanliu.model.events;

import static io.sanliu.model.events.SampleEvents.EBP_CODE;
import static io.sanliu.model.events.SampleEvents.LOGISTICS_CODE;
import static io.sanliu.model.events.SampleEvents.LOGISTICS_NO;
import static io.sanliu.model.events.SampleEvents.ORDER_NO;
import static io.sanliu.model.events.SampleEvents.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BusinessKeyTest {
  private static final String ORDER_KEY = "4403169D3W:SO202611220830001";
  private static final String WAYBILL_KEY = "4403180003:SF1400123456789";

  private static CustomsReceipt receipt(ReceiptKind kind, String ebpCode, String orderNo) {
    return new CustomsReceipt(
        "R-" + kind,
        kind,
        ebpCode,
        orderNo,
        LOGISTICS_CODE,
        LOGISTICS_NO,
        null,
        null,
        null,
        null,
        CustomsReceipt.ACCEPTED,
        Instant.parse("2026-11-22T03:00:00Z"),
        null);
  }

  @Test
  void orderPaymentCustomsListAndEvaluationOfOneParcelShareEbpCodeColonOrderNo() {
    assertEquals(ORDER_KEY, SampleEvents.order().businessKey());
    assertEquals(ORDER_KEY, SampleEvents.payment().businessKey());
    assertEquals(ORDER_KEY, SampleEvents.customsList().businessKey());
    assertEquals(ORDER_KEY, SampleEvents.evaluation().businessKey());
    assertEquals(ORDER_KEY, DocumentKeys.order(EBP_CODE, ORDER_NO));
  }

  @Test
  void waybillAndLogisticsEventShareLogisticsCodeColonLogisticsNo() {
    assertEquals(WAYBILL_KEY, SampleEvents.waybill().businessKey());
    assertEquals(WAYBILL_KEY, SampleEvents.logisticsEvent().businessKey());
    assertEquals(WAYBILL_KEY, DocumentKeys.waybill(LOGISTICS_CODE, LOGISTICS_NO));
  }

  @Test
  void aWaybillThatNamesItsOrderStillFollowsTheWaybillKey() {
    Waybill w = SampleEvents.waybill();
    Waybill withOrder =
        new Waybill(
            w.guid(),
            w.appType(),
            w.appTime(),
            w.appStatus(),
            w.direction(),
            w.logisticsCode(),
            w.logisticsName(),
            w.logisticsNo(),
            w.billNo(),
            ORDER_NO,
            EBP_CODE,
            w.freight(),
            w.insuredFee(),
            w.currency(),
            w.weight(),
            w.packNo(),
            w.goodsInfo(),
            w.consignee(),
            w.consigneeAddress(),
            w.consigneeTelephone(),
            w.note());

    assertEquals(WAYBILL_KEY, withOrder.businessKey());
  }

  @Test
  void aWaybillReceiptFollowsTheWaybillWithOrWithoutOrderNo() {
    assertEquals(WAYBILL_KEY, receipt(ReceiptKind.WAYBILL, null, null).businessKey());
    assertEquals(WAYBILL_KEY, receipt(ReceiptKind.WAYBILL, EBP_CODE, ORDER_NO).businessKey());
  }

  @ParameterizedTest
  @EnumSource(
      value = ReceiptKind.class,
      names = {"ORDER", "PAYMENT", "CUSTOMS_LIST"})
  void receiptsOfOrderPaymentAndListFollowTheOrder(ReceiptKind kind) {
    assertEquals(ORDER_KEY, receipt(kind, EBP_CODE, ORDER_NO).businessKey());
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void envelopeKeyIsThePayloadsBusinessKey(EventType type) {
    BusinessEvent payload = SampleEvents.of(type);
    Envelope<BusinessEvent> envelope = Envelope.of(type, EBP_CODE, "MSG-1", RECEIVED, payload);

    assertEquals(payload.businessKey(), envelope.key());
  }

  @Test
  void referenceDataIsKeyedByTheFiledEntity() {
    assertEquals(EBP_CODE, SampleEvents.enterpriseFiling().businessKey());
    assertEquals("440396K00A:IR440300000001", SampleEvents.goodsFiling().businessKey());
  }
}
