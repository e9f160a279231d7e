package io.sanliu.jobs.stats;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.sanliu.jobs.kafka.DecodedFields;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;

/**
 * What the statistics job decodes of orders and customs lists: the fields {@link
 * TradeFacts#countedPart} and {@link ListDocument#countedPart} keep (and a list's numbers, which it
 * is filed under). Names, addresses, payment details and the other amounts are skipped unread: they
 * were most of the cost of decoding an order, and the job reads orders and lists more than anything
 * else once it passes over the receipts it does not count (docs/statistics.md, "Throughput").
 */
final class CountedFields {
  private CountedFields() {}

  @JsonIgnoreProperties({
    "appStatus",
    "ebpName",
    "ebcName",
    "freight",
    "discount",
    "taxTotal",
    "acturalPaid",
    "buyerRegNo",
    "buyerIdType",
    "buyerName",
    "buyerTelephone",
    "payCode",
    "payName",
    "payTransactionId",
    "batchNumbers",
    "consignee",
    "consigneeTelephone",
    "consigneeAddress",
    "consigneeDistrict",
    "note"
  })
  abstract static class OrderSkips {}

  @JsonIgnoreProperties({"itemName", "gmodel", "itemDescribe", "barCode", "unit", "note"})
  abstract static class OrderItemSkips {}

  @JsonIgnoreProperties({
    "guid",
    "appStatus",
    "logisticsNo",
    "logisticsCode",
    "payNo",
    "preNo",
    "customsCode",
    "ieDate",
    "buyerIdType",
    "buyerName",
    "buyerTelephone",
    "consigneeAddress",
    "agentCode",
    "areaCode",
    "trafMode",
    "freight",
    "insuredFee",
    "grossWeight",
    "netWeight"
  })
  abstract static class ListSkips {}

  @JsonIgnoreProperties({
    "itemRecordNo",
    "itemNo",
    "itemName",
    "gname",
    "gmodel",
    "country",
    "unit",
    "qty1",
    "unit1"
  })
  abstract static class ListItemSkips {}

  static final DecodedFields ORDERS =
      DecodedFields.of(Order.class, OrderSkips.class).and(OrderItem.class, OrderItemSkips.class);

  static final DecodedFields LISTS =
      DecodedFields.of(CustomsList.class, ListSkips.class)
          .and(CustomsListItem.class, ListItemSkips.class);
}
