package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.GoodsFiling;
import java.math.BigDecimal;

/**
 * Reads a goods filing (not a CEB message; field names are those of {@link GoodsFiling}): {@code
 * itemRecordNo}, {@code ebcCode}, {@code itemName}, {@code gcode} (10-digit HS code), {@code
 * filedPrice} (not negative), {@code currency} (customs code), {@code appType} and {@code filedAt}
 * required; {@code itemNo}, {@code gmodel}, {@code originCountry} (kept as sent, an unknown code
 * being a data-quality finding) and {@code unit} optional.
 */
public final class GoodsFilingReader implements DocumentReader<GoodsFiling> {

  @Override
  public EventType type() {
    return EventType.GOODS_FILING;
  }

  /** Null: the zone files goods for the enterprises. */
  @Override
  public String participantCode(GoodsFiling filing) {
    return null;
  }

  @Override
  public Result<GoodsFiling> read(JsonNode json) {
    if (json == null || !json.isObject()) return Result.notAnObject("a goods filing");
    FieldReader f = FieldReader.root(json);
    String itemRecordNo = f.requiredText("itemRecordNo");
    String ebcCode = f.requiredText("ebcCode");
    BigDecimal filedPrice = f.requiredAmount("filedPrice");
    GoodsFiling filing =
        new GoodsFiling(
            itemRecordNo,
            ebcCode,
            f.optionalText("itemNo"),
            f.requiredText("itemName"),
            CodeListFields.requiredHsCode(f, "gcode"),
            f.optionalText("gmodel"),
            f.optionalText("originCountry"),
            f.optionalText("unit"),
            filedPrice,
            CodeListFields.requiredCurrency(f, "currency"),
            f.requiredCode("appType", AppType::fromCode),
            f.requiredTime("filedAt"));
    String key = itemRecordNo == null || ebcCode == null ? null : filing.businessKey();
    return Result.of(filing, key, f.errors());
  }
}
