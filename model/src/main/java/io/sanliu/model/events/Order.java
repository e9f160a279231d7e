package io.sanliu.model.events;

import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An e-commerce order: CEB311 (import) or CEB303 (export), personal fields already protected.
 * {@code tradeMode} is not in the CEB order; platforms that know it (bonded vs direct) send it.
 */
public record Order(
    String guid,
    AppType appType,
    Instant appTime,
    String appStatus,
    Direction direction,
    TradeMode tradeMode,
    String orderNo,
    String ebpCode,
    String ebpName,
    String ebcCode,
    String ebcName,
    BigDecimal goodsValue,
    BigDecimal freight,
    BigDecimal discount,
    BigDecimal taxTotal,
    BigDecimal acturalPaid,
    String currency,
    PersonalField buyerRegNo,
    String buyerIdType,
    PersonalField buyerId,
    PersonalField buyerName,
    PersonalField buyerTelephone,
    String payCode,
    String payName,
    String payTransactionId,
    String batchNumbers,
    PersonalField consignee,
    PersonalField consigneeTelephone,
    PersonalField consigneeAddress,
    String consigneeDistrict,
    String note,
    List<OrderItem> items)
    implements BusinessEvent {

  /** Orders and their payments join on (ebpCode, orderNo). */
  @Override
  public String businessKey() {
    return DocumentKeys.order(ebpCode, orderNo);
  }

  @Override
  public Instant eventTime() {
    return appTime;
  }

  /** 9610 or 1210, direction I (see {@link TradeMode#retailImport}). */
  public boolean retailImport() {
    return TradeMode.retailImport(direction, tradeMode);
  }

  /** Goods plus freight: the taxable value the order alone shows (insurance is on the list). */
  public BigDecimal taxableValue() {
    return (goodsValue == null ? BigDecimal.ZERO : goodsValue)
        .add(freight == null ? BigDecimal.ZERO : freight);
  }
}
