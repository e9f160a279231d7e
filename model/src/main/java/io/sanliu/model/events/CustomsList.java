package io.sanliu.model.events;

import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A customs list (清单): CEB621 import or CEB603 export {@code InventoryHead} with its items. */
public record CustomsList(
    String guid,
    AppType appType,
    Instant appTime,
    String appStatus,
    String orderNo,
    String ebpCode,
    String ebcCode,
    String logisticsNo,
    String logisticsCode,
    String payNo,
    String copNo,
    String preNo,
    String invtNo,
    Direction direction,
    Instant declTime,
    String customsCode,
    String portCode,
    Instant ieDate,
    String buyerIdType,
    PersonalField buyerId,
    PersonalField buyerName,
    PersonalField buyerTelephone,
    PersonalField consigneeAddress,
    String agentCode,
    String areaCode,
    TradeMode tradeMode,
    String trafMode,
    String country,
    BigDecimal freight,
    BigDecimal insuredFee,
    String currency,
    Integer packNo,
    BigDecimal grossWeight,
    BigDecimal netWeight,
    List<CustomsListItem> items)
    implements BusinessEvent {

  @Override
  public String businessKey() {
    return DocumentKeys.order(ebpCode, orderNo);
  }

  @Override
  public Instant eventTime() {
    return declTime != null ? declTime : appTime;
  }
}
