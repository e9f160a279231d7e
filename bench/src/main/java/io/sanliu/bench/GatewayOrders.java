package io.sanliu.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.ceb.CebTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Orders in the gateway's JSON form (clear personal data, as a platform sends them). */
final class GatewayOrders {
  static final String PLATFORM = "4403960001";
  private static final String[] MODES = {"9610", "1210", "9710", "9810"};

  private GatewayOrders() {}

  /** {@code count} distinct orders whose numbers and guids start with {@code prefix}. */
  static List<ObjectNode> make(String prefix, int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String appTime = CebTime.format(Instant.now());
    List<ObjectNode> orders = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int qty = 1 + random.nextInt(3);
      long cents = 2_000 + random.nextInt(98_000);
      String price = cents / 100 + "." + String.format("%02d", cents % 100);
      long totalCents = cents * qty;
      String total = totalCents / 100 + "." + String.format("%02d", totalCents % 100);
      ObjectNode o = Json.mapper().createObjectNode();
      o.put("guid", prefix + "-G" + i);
      o.put("appType", "1");
      o.put("appTime", appTime);
      o.put("appStatus", "2");
      o.put("orderType", "I");
      o.put("tradeMode", MODES[random.nextInt(MODES.length)]);
      o.put("orderNo", prefix + "-" + i);
      o.put("ebpCode", PLATFORM);
      o.put("ebcCode", "4403910" + (100 + random.nextInt(300)));
      o.put("goodsValue", total);
      o.put("freight", "0");
      o.put("acturalPaid", total);
      o.put("currency", "142");
      o.put("buyerIdType", "1");
      o.put("buyerIdNumber", String.format("44030119900101%04d", random.nextInt(10_000)));
      o.put("buyerName", "买家" + random.nextInt(1000));
      o.put("buyerTelephone", "138" + String.format("%08d", random.nextInt(100_000_000)));
      o.put("consigneeAddress", "广东省深圳市南山区科技园" + random.nextInt(500) + "号");
      ObjectNode item = o.putArray("items").addObject();
      item.put("itemName", "奶粉");
      item.put("qty", String.valueOf(qty));
      item.put("price", price);
      item.put("totalPrice", total);
      item.put("currency", "142");
      orders.add(o);
    }
    return orders;
  }
}
