package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.privacy.PersonalDataHasher;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reads a waybill in its JSON form (the CEB511/CEB505 {@code LogisticsHead} field names), validates
 * it and protects the consignee's name, address and telephone.
 *
 * <p>The direction comes from {@code ieFlag} (I or E), required: the CEB waybill has no such
 * element, so the XML codec sets it from the message (CEB511 import, CEB505 export). Required
 * besides: logisticsCode and logisticsNo (the waybill's key), appType, appTime and weight. The
 * export waybill CEB505 has {@code grossWeight} instead of {@code weight}; it is read as the weight
 * when {@code weight} is absent. Amounts and weights must not be negative, packNo is a whole
 * number, a currency must be a customs code.
 */
public final class WaybillReader implements DocumentReader<Waybill> {
  private final PersonalDataHasher hasher;

  public WaybillReader(PersonalDataHasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public EventType type() {
    return EventType.WAYBILL;
  }

  /** A logistics firm pushes its own waybills. */
  @Override
  public String participantCode(Waybill waybill) {
    return waybill.logisticsCode();
  }

  @Override
  public Result<Waybill> read(JsonNode json) {
    if (json == null || !json.isObject()) return Result.notAnObject("a waybill");
    FieldReader f = FieldReader.root(json);
    String logisticsCode = f.requiredText("logisticsCode");
    String logisticsNo = f.requiredText("logisticsNo");
    AppType appType = f.requiredCode("appType", AppType::fromCode);
    Instant appTime = f.requiredTime("appTime");
    Direction direction = f.requiredCode("ieFlag", Direction::fromCode);
    BigDecimal weight = weight(f);
    Waybill waybill =
        new Waybill(
            f.optionalText("guid"),
            appType,
            appTime,
            f.optionalText("appStatus"),
            direction,
            logisticsCode,
            f.optionalText("logisticsName"),
            logisticsNo,
            f.optionalText("billNo"),
            f.optionalText("orderNo"),
            f.optionalText("ebpCode"),
            f.optionalAmount("freight"),
            f.optionalAmount("insuredFee"),
            CodeListFields.optionalCurrency(f, "currency"),
            weight,
            f.optionalCode("packNo", ValueParsers.integer(0, Integer.MAX_VALUE)),
            f.optionalText("goodsInfo"),
            hasher.name(f.optionalText("consignee")),
            hasher.address(f.optionalText("consigneeAddress")),
            hasher.telephone(f.optionalText("consigneeTelephone")),
            f.optionalText("note"));
    String key = logisticsCode == null || logisticsNo == null ? null : waybill.businessKey();
    return Result.of(waybill, key, f.errors());
  }

  /** {@code weight}, or for an export waybill (CEB505) {@code grossWeight}; one is required. */
  private static BigDecimal weight(FieldReader f) {
    BigDecimal weight = f.optionalAmount("weight");
    BigDecimal gross = f.optionalAmount("grossWeight");
    boolean refused =
        f.errors().stream()
            .anyMatch(e -> e.path().equals("weight") || e.path().equals("grossWeight"));
    if (weight == null && gross == null && !refused) {
      f.error("weight", "is required (an export waybill may send it as grossWeight)");
    }
    return weight != null ? weight : gross;
  }
}
