package io.sanliu.bench;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Orders as they travel on {@code sanliu.orders}: {@code Envelope<Order>} built from the model's
 * records, personal fields already protected (hash and mask), 1-3 items whose totals add up to
 * {@code goodsValue}. Order {@code i} depends only on the seed and {@code i}, so any range can be
 * generated on any thread and is the same in every run.
 */
public final class OrderEvents {
  /** Key of the bench's keyed hash; the figures do not depend on it. */
  static final byte[] BENCH_HMAC_KEY =
      "sanliu-bench-only-hmac-key".getBytes(StandardCharsets.UTF_8);

  /** Event times start here and advance about 40 ms per order. */
  static final Instant BASE_TIME = Instant.parse("2025-06-01T00:00:00Z");

  private static final String[][] PLATFORMS = {
    {"4403960001", "深圳跨境优选电商平台"},
    {"4403960002", "前海全球购"},
    {"4401960003", "广州南沙保税商城"},
    {"3302960004", "宁波海淘仓"},
    {"3101960005", "上海自贸区国际购"},
    {"5001960006", "重庆西部跨境通"}
  };
  private static final String[][] GOODS = {
    {"婴幼儿配方奶粉", "900g/罐", "122"},
    {"保湿面霜", "50ml/瓶", "142"},
    {"鱼油软胶囊", "400粒/瓶", "142"},
    {"男式运动鞋", "42码", "025"},
    {"手机保护壳", "适用6.1英寸", "007"},
    {"红茶茶叶", "250g/盒", "140"},
    {"电动牙刷", "含2刷头", "007"},
    {"羊毛围巾", "180x30cm", "007"},
    {"维生素C咀嚼片", "120片/瓶", "142"},
    {"蓝牙耳机", "降噪款", "007"}
  };
  private static final String[] COUNTRIES = {"116", "133", "502", "303", "601", "304", "344"};
  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"};
  private static final String[] GIVEN = {
    "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "杰", "婷", "涛"
  };
  private static final String[][] PLACES = {
    {"广东省深圳市南山区", "440305"},
    {"广东省广州市天河区", "440106"},
    {"浙江省杭州市西湖区", "330106"},
    {"上海市浦东新区", "310115"},
    {"北京市朝阳区", "110105"},
    {"四川省成都市武侯区", "510107"},
    {"重庆市渝北区", "500112"}
  };
  private static final String[] STREETS = {"科技园路", "中山大道", "文三路", "世纪大道", "建国路", "天府大道"};
  private static final String[][] PAYERS = {
    {"312226T001", "财付通支付科技有限公司"},
    {"31222699S7", "支付宝（中国）网络技术有限公司"},
    {"440316T004", "银联商务股份有限公司"}
  };
  private static final BigDecimal TAX_RATE = new BigDecimal("0.091");

  /** Distinct buyers by default: customers come back, as on a real platform. */
  public static final int DEFAULT_PEOPLE = 5_000;

  private final long seed;
  private final List<Person> people;

  /** A buyer or consignee as the gateway leaves them: every personal field hashed and masked. */
  record Person(
      PersonalField regNo,
      PersonalField id,
      PersonalField name,
      PersonalField telephone,
      PersonalField address,
      String district) {}

  public OrderEvents(long seed) {
    this(seed, DEFAULT_PEOPLE, new PersonalDataHasher(BENCH_HMAC_KEY));
  }

  /**
   * @param people how many distinct buyers and consignees the orders draw from
   */
  public OrderEvents(long seed, int people, PersonalDataHasher hasher) {
    if (people < 1) throw new IllegalArgumentException("people " + people);
    this.seed = seed;
    // Hashed once per person: the keyed hash is the costly part of making an order.
    this.people =
        IntStream.range(0, people)
            .parallel()
            .mapToObj(
                i -> person(new SplittableRandom(mix(~seed) ^ (i * 0xC2B2AE3D27D4EB4FL)), hasher))
            .toList();
  }

  /** Orders {@code from .. from + count - 1}, generated on all cores, in index order. */
  public List<Envelope<Order>> range(long from, int count) {
    return IntStream.range(0, count).parallel().mapToObj(i -> order(from + i)).toList();
  }

  /** The order of that index: the same for the same seed and index. */
  public Envelope<Order> order(long index) {
    SplittableRandom r = new SplittableRandom(mix(seed) ^ (index * 0x9E3779B97F4A7C15L));
    String[] platform = PLATFORMS[r.nextInt(PLATFORMS.length)];
    String ebpCode = platform[0];
    TradeMode mode = mode(r.nextDouble());
    boolean export =
        mode == TradeMode.B2B_EXPORT_9710
            || mode == TradeMode.OVERSEAS_WAREHOUSE_9810
            || (mode == TradeMode.DIRECT_9610 && r.nextDouble() < 0.4);
    Instant appTime = BASE_TIME.plusMillis(index * 40 + r.nextInt(40));
    Instant ingestTime = appTime.plusMillis(50 + r.nextInt(3000));

    int itemCount = 1 + r.nextInt(3);
    List<OrderItem> items = new ArrayList<>(itemCount);
    BigDecimal goodsValue = BigDecimal.ZERO.setScale(2);
    for (int g = 1; g <= itemCount; g++) {
      String[] goods = GOODS[r.nextInt(GOODS.length)];
      BigDecimal qty = BigDecimal.valueOf(1 + r.nextInt(5));
      BigDecimal price = BigDecimal.valueOf(500 + r.nextInt(199_500), 2);
      BigDecimal total = price.multiply(qty).setScale(2, RoundingMode.HALF_UP);
      goodsValue = goodsValue.add(total);
      items.add(
          new OrderItem(
              g,
              "SKU" + (100_000 + r.nextInt(20_000)),
              goods[0],
              goods[1],
              r.nextInt(4) == 0 ? "跨境直供，原装进口" : null,
              "69" + (10_000_000_000L + r.nextLong(90_000_000_000L)),
              goods[2],
              qty,
              price,
              total,
              "142",
              COUNTRIES[r.nextInt(COUNTRIES.length)],
              null));
    }
    BigDecimal freight =
        r.nextInt(3) == 0
            ? BigDecimal.ZERO.setScale(2)
            : BigDecimal.valueOf(500 + r.nextInt(2500), 2);
    BigDecimal discount =
        r.nextInt(4) == 0
            ? BigDecimal.valueOf(100 + r.nextInt(2000), 2).min(goodsValue)
            : BigDecimal.ZERO.setScale(2);
    // Cross-border retail imports pay the comprehensive tax (70% of VAT and consumption tax).
    BigDecimal tax =
        export
            ? BigDecimal.ZERO.setScale(2)
            : goodsValue.subtract(discount).multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP);
    BigDecimal paid = goodsValue.add(freight).add(tax).subtract(discount);

    Person buyer = people.get(r.nextInt(people.size()));
    // Most parcels go to the buyer; some to someone else (a gift, a relative).
    Person consignee = r.nextInt(5) != 0 ? buyer : people.get(r.nextInt(people.size()));
    String[] payer = PAYERS[r.nextInt(PAYERS.length)];
    String orderNo = "SO" + ebpCode.substring(6) + (10_000_000_000L + index);

    Order order =
        new Order(
            UUID.nameUUIDFromBytes((ebpCode + orderNo).getBytes(StandardCharsets.UTF_8))
                .toString()
                .toUpperCase(),
            r.nextInt(20) == 0 ? AppType.CHANGE : AppType.NEW,
            appTime,
            "2",
            export ? Direction.E : Direction.I,
            mode,
            orderNo,
            ebpCode,
            platform[1],
            "44039" + (10_000 + r.nextInt(300)),
            "深圳市跨境电商企业" + r.nextInt(300) + "有限公司",
            goodsValue,
            freight,
            discount,
            tax,
            paid,
            "142",
            buyer.regNo(),
            "1",
            buyer.id(),
            buyer.name(),
            buyer.telephone(),
            payer[0],
            payer[1],
            "PAY" + (1_000_000_000_000_000_000L + r.nextLong(1_000_000_000_000_000_000L)),
            null,
            consignee.name(),
            consignee.telephone(),
            consignee.address(),
            consignee.district(),
            r.nextInt(10) == 0 ? "请尽快发货" : null,
            List.copyOf(items));
    String messageGuid = new UUID(r.nextLong(), r.nextLong()).toString();
    return Envelope.of(EventType.ORDER, ebpCode, messageGuid, ingestTime, order);
  }

  /** Shares of the four modes: direct 9610 and bonded 1210 dominate. */
  static TradeMode mode(double u) {
    if (u < 0.45) return TradeMode.DIRECT_9610;
    if (u < 0.80) return TradeMode.BONDED_1210;
    if (u < 0.92) return TradeMode.B2B_EXPORT_9710;
    return TradeMode.OVERSEAS_WAREHOUSE_9810;
  }

  private static Person person(SplittableRandom r, PersonalDataHasher hasher) {
    String[] place = PLACES[r.nextInt(PLACES.length)];
    String address =
        place[0]
            + STREETS[r.nextInt(STREETS.length)]
            + (1 + r.nextInt(300))
            + "号"
            + (1 + r.nextInt(30))
            + "栋"
            + (101 + r.nextInt(2000))
            + "室";
    return new Person(
        hasher.idNumber(String.format("U%010d", r.nextLong(10_000_000_000L))),
        hasher.idNumber(idNumber(r, place[1])),
        hasher.name(name(r)),
        hasher.telephone(phone(r)),
        hasher.address(address),
        place[1]);
  }

  private static String name(SplittableRandom r) {
    String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    return r.nextBoolean() ? name + GIVEN[r.nextInt(GIVEN.length)] : name;
  }

  private static String phone(SplittableRandom r) {
    return String.format("1%d%09d", 3 + r.nextInt(7), r.nextInt(1_000_000_000));
  }

  private static String idNumber(SplittableRandom r, String district) {
    return String.format(
        "%s%04d%02d%02d%03d%s",
        district,
        1960 + r.nextInt(45),
        1 + r.nextInt(12),
        1 + r.nextInt(28),
        r.nextInt(1000),
        r.nextInt(11) == 10 ? "X" : String.valueOf(r.nextInt(10)));
  }

  /** Stafford variant 13 of the 64-bit finaliser: nearby seeds give unrelated streams. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
