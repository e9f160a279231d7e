package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.privacy.PersonalDataHasher;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a customs list (清单) in its JSON form (the CEB621/CEB603 {@code InventoryHead} field names,
 * {@code InventoryList} lines under {@code items}), validates it and protects the buyer's ID
 * number, name, telephone and the consignee address.
 *
 * <p>Required: orderNo and ebpCode (the order key), logisticsCode and logisticsNo (the waybill it
 * joins), appType, appTime, ieFlag, tradeMode, at least one item, and for imports declTime (the
 * export list CEB603 has none; its event time is then appTime). Each item needs a 10-digit {@code
 * gcode}, {@code gname}, {@code qty}, {@code price} and {@code totalPrice}. CEB writes {@code
 * declTime} and {@code ieDate} as dates ({@code yyyyMMdd}); times are read too. The list head
 * carries no goods total, so unlike the order there is no items-sum check. Buyer fields are
 * optional: export lists have none. The export list has no head {@code currency} but {@code
 * fCurrency} (of the freight) and {@code iCurrency} (of the insurance): both are checked, and
 * {@code fCurrency} stands for the list's currency when {@code currency} is absent.
 */
public final class CustomsListReader implements DocumentReader<CustomsList> {
  private final PersonalDataHasher hasher;

  public CustomsListReader(PersonalDataHasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public EventType type() {
    return EventType.CUSTOMS_LIST;
  }

  /**
   * Null: a list is declared by the platform, its agent or the logistics firm, and customs passes
   * it on, so no single participant code in the list must match the sender.
   */
  @Override
  public String participantCode(CustomsList list) {
    return null;
  }

  @Override
  public Result<CustomsList> read(JsonNode json) {
    if (json == null || !json.isObject()) return Result.notAnObject("a customs list");
    FieldReader f = FieldReader.root(json);
    String orderNo = f.requiredText("orderNo");
    String ebpCode = f.requiredText("ebpCode");
    String logisticsCode = f.requiredText("logisticsCode");
    String logisticsNo = f.requiredText("logisticsNo");
    AppType appType = f.requiredCode("appType", AppType::fromCode);
    Instant appTime = f.requiredTime("appTime");
    Direction direction = f.requiredCode("ieFlag", Direction::fromCode);
    TradeMode tradeMode = f.requiredCode("tradeMode", TradeMode::fromCode);
    Instant declTime =
        direction == Direction.I
            ? f.requiredCode("declTime", ValueParsers::dateOrTime)
            : f.optionalCode("declTime", ValueParsers::dateOrTime);
    Instant ieDate = f.optionalCode("ieDate", ValueParsers::dateOrTime);
    String currency = CodeListFields.optionalCurrency(f, "currency");
    String freightCurrency = CodeListFields.optionalCurrency(f, "fCurrency");
    CodeListFields.optionalCurrency(f, "iCurrency");
    CustomsList list =
        new CustomsList(
            f.optionalText("guid"),
            appType,
            appTime,
            f.optionalText("appStatus"),
            orderNo,
            ebpCode,
            f.optionalText("ebcCode"),
            logisticsNo,
            logisticsCode,
            f.optionalText("payNo"),
            f.optionalText("copNo"),
            f.optionalText("preNo"),
            f.optionalText("invtNo"),
            direction,
            declTime,
            f.optionalText("customsCode"),
            f.optionalText("portCode"),
            ieDate,
            CodeListFields.optionalIdType(f, "buyerIdType"),
            hasher.idNumber(f.optionalText("buyerIdNumber")),
            hasher.name(f.optionalText("buyerName")),
            hasher.telephone(f.optionalText("buyerTelephone")),
            hasher.address(f.optionalText("consigneeAddress")),
            f.optionalText("agentCode"),
            f.optionalText("areaCode"),
            tradeMode,
            f.optionalText("trafMode"),
            f.optionalText("country"),
            f.optionalAmount("freight"),
            f.optionalAmount("insuredFee"),
            currency != null ? currency : freightCurrency,
            f.optionalCode("packNo", ValueParsers.integer(0, Integer.MAX_VALUE)),
            f.optionalAmount("grossWeight"),
            f.optionalAmount("netWeight"),
            items(f));
    String key = orderNo == null || ebpCode == null ? null : list.businessKey();
    return Result.of(list, key, f.errors());
  }

  private static List<CustomsListItem> items(FieldReader list) {
    List<CustomsListItem> items = new ArrayList<>();
    int position = 0;
    for (FieldReader i : list.array("items", true)) {
      position++;
      Integer gnum = i.optionalCode("gnum", ValueParsers.integer(1, Integer.MAX_VALUE));
      BigDecimal qty = i.requiredAmount("qty");
      BigDecimal price = i.requiredAmount("price");
      BigDecimal total = i.requiredAmount("totalPrice");
      items.add(
          new CustomsListItem(
              gnum == null ? position : gnum,
              i.optionalText("itemRecordNo"),
              i.optionalText("itemNo"),
              i.optionalText("itemName"),
              CodeListFields.requiredHsCode(i, "gcode"),
              i.requiredText("gname"),
              i.optionalText("gmodel"),
              i.optionalText("country"),
              CodeListFields.optionalCurrency(i, "currency"),
              qty,
              i.optionalText("unit"),
              i.optionalAmount("qty1"),
              i.optionalText("unit1"),
              price,
              total));
    }
    if (items.isEmpty() && list.errors().stream().noneMatch(e -> e.path().equals("items"))) {
      list.error("items", "a customs list needs at least one item");
    }
    return items;
  }
}
