package io.sanliu.simulator;

import io.sanliu.model.ceb.CebTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Orders as platforms send them (JSON form of CEB311/CEB303), deterministic for a seed. The four
 * modes come in plausible shares: direct 9610 and bonded 1210 dominate, B2B 9710 and overseas
 * warehouse 9810 are export only.
 */
public final class OrderGenerator {
  private static final String[] PLATFORMS =
      ZoneParticipants.ALL.stream()
          .filter(p -> p.role().equals("PLATFORM"))
          .map(Participant::code)
          .toArray(String[]::new);
  private static final String[] GOODS = {"奶粉", "面霜", "保健品", "运动鞋", "手机壳", "茶叶"};
  private static final String[] COUNTRIES = {"116", "133", "502", "303", "601"};

  private final SplittableRandom random;
  private long sequence;

  public OrderGenerator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A new order placed at {@code at}. */
  public Map<String, Object> next(Instant at) {
    sequence++;
    String mode = mode(random.nextDouble());
    boolean export =
        mode.equals("9710")
            || mode.equals("9810")
            || (mode.equals("9610") && random.nextDouble() < 0.4);
    String platform = PLATFORMS[random.nextInt(PLATFORMS.length)];
    int qty = 1 + random.nextInt(3);
    BigDecimal price =
        BigDecimal.valueOf(20 + random.nextInt(980))
            .add(BigDecimal.valueOf(random.nextInt(100), 2));
    BigDecimal total = price.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.HALF_UP);
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("gnum", 1);
    item.put("itemNo", "SKU" + random.nextInt(5000));
    item.put("itemName", GOODS[random.nextInt(GOODS.length)]);
    item.put("unit", "个");
    item.put("qty", qty);
    item.put("price", price);
    item.put("totalPrice", total);
    item.put("currency", "142");
    item.put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("guid", String.format("SIM-%s-%08d", platform, sequence));
    order.put("appType", "1");
    order.put("appTime", CebTime.format(at));
    order.put("appStatus", "2");
    order.put("orderType", export ? "E" : "I");
    order.put("tradeMode", mode);
    order.put("orderNo", String.format("SO%s%08d", platform.substring(6), sequence));
    order.put("ebpCode", platform);
    order.put("ebpName", "模拟平台" + platform.substring(8));
    order.put("ebcCode", "44039" + (10000 + random.nextInt(300)));
    order.put("goodsValue", total);
    order.put("freight", BigDecimal.ZERO);
    order.put("acturalPaid", total);
    order.put("currency", "142");
    order.put("buyerIdType", "1");
    order.put(
        "buyerIdNumber",
        String.format(
            "4403011990%02d%02d%04d",
            1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(10000)));
    order.put("buyerName", "测试买家");
    order.put("consigneeAddress", "广东省深圳市南山区模拟路" + random.nextInt(300) + "号");
    order.put("items", List.of(item));
    return order;
  }

  static String mode(double u) {
    if (u < 0.45) return "9610";
    if (u < 0.80) return "1210";
    if (u < 0.92) return "9710";
    return "9810";
  }
}
