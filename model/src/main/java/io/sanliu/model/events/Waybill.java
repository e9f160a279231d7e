package io.sanliu.model.events;

import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A waybill (CEB511 import, CEB505 export {@code LogisticsHead}). The CEB waybill carries no
 * orderNo; the customs list links it to the order through logisticsNo. Senders that know the order
 * may fill {@code orderNo} and {@code ebpCode}.
 */
public record Waybill(
    String guid,
    AppType appType,
    Instant appTime,
    String appStatus,
    Direction direction,
    String logisticsCode,
    String logisticsName,
    String logisticsNo,
    String billNo,
    String orderNo,
    String ebpCode,
    BigDecimal freight,
    BigDecimal insuredFee,
    String currency,
    BigDecimal weight,
    Integer packNo,
    String goodsInfo,
    PersonalField consignee,
    PersonalField consigneeAddress,
    PersonalField consigneeTelephone,
    String note)
    implements BusinessEvent {

  @Override
  public String businessKey() {
    return DocumentKeys.waybill(logisticsCode, logisticsNo);
  }

  @Override
  public Instant eventTime() {
    return appTime;
  }
}
