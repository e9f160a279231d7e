package io.sanliu.simulator.zone;

import io.sanliu.model.codes.CreditCode;
import io.sanliu.model.codes.CurrencyCode;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.model.simulation.NegativeListEntry.Subject;
import io.sanliu.simulator.Participant;
import io.sanliu.simulator.ZoneParticipants;
import io.sanliu.simulator.zone.Product.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated pilot zone, the same for a seed: its participants, its enterprises with their filed
 * goods, and its negative list. Buyers are not part of it (see {@link BuyerBook}): they are new in
 * every run, so that runs never add up in one buyer's annual quota.
 */
public final class Zone {
  public static final String ZONE_CODE = "ZONE4403";
  public static final String PAYMENT_FIRM = "4403980001";
  public static final String LOGISTICS_FIRM = "4403180001";
  public static final String CUSTOMS = "CUSTOMS5300";
  public static final List<String> IMPORT_PLATFORMS = List.of("4403960001", "4401960003");
  public static final List<String> EXPORT_PLATFORMS = List.of("4403960002", "4401960003");

  private static final String[] CITY_AREAS = {"4403", "4403", "4403", "4401", "4419", "4406"};
  private static final Map<String, String> CITY =
      Map.of("4403", "深圳市", "4401", "广州市", "4419", "东莞市", "4406", "佛山市");
  private static final Map<String, String> CITY_DISTRICTS =
      Map.of(
          "4403", "南山区,福田区,前海深港合作区,宝安区,龙华区",
          "4401", "天河区,黄埔区,南沙区",
          "4419", "松山湖,长安镇",
          "4406", "南海区,顺德区");
  private static final String TRADE_NAMES = "华信达通盛泰鑫源恒丰海洋优品全球汇聚优选环宇星辰博远嘉禾锦程瑞祥宏图万象云帆海纳金桥";
  private static final String[] INDUSTRY = {"跨境电子商务", "国际贸易", "进出口", "供应链管理", "电子商务"};
  private static final String[] FOREIGN_WORDS = {
    "Sakura", "Aurora", "Pacific", "Alpine", "Harbor", "Maple", "Nordic", "Coral", "Summit",
    "Orchid"
  };
  private static final String[] NEGATIVE_REASONS = {"走私违法记录", "虚假贸易嫌疑", "严重失信主体", "拒不配合海关稽查"};
  private static final String[] GOODS_REASONS = {"抽检不合格", "侵犯知识产权", "食品安全风险通报", "假冒伪劣"};
  private static final Map<String, String> BARCODE_PREFIX =
      Map.ofEntries(
          Map.entry("116", "45"),
          Map.entry("133", "880"),
          Map.entry("609", "94"),
          Map.entry("601", "93"),
          Map.entry("305", "30"),
          Map.entry("304", "40"),
          Map.entry("307", "80"),
          Map.entry("312", "84"),
          Map.entry("309", "87"),
          Map.entry("331", "76"),
          Map.entry("502", "06"),
          Map.entry("301", "54"),
          Map.entry("302", "57"),
          Map.entry("306", "539"),
          Map.entry("326", "70"),
          Map.entry("141", "893"),
          Map.entry("112", "899"),
          Map.entry("410", "789"),
          Map.entry("412", "780"),
          Map.entry("142", "69"));

  private final long seed;
  private final List<Enterprise> enterprises;
  private final List<NegativeSubject> negative;
  private final Map<Flow, List<Enterprise>> normalByFlow = new EnumMap<>(Flow.class);
  private final Map<String, Double> orderShare = new LinkedHashMap<>();

  /** What the negative list holds, before it is dated. */
  public record NegativeSubject(
      Subject subject, Enterprise enterprise, Goods goods, String reason) {}

  private Zone(long seed, List<Enterprise> enterprises, List<NegativeSubject> negative) {
    this.seed = seed;
    this.enterprises = List.copyOf(enterprises);
    this.negative = List.copyOf(negative);
    Set<String> listed = new HashSet<>();
    for (NegativeSubject n : negative) {
      if (n.subject() == Subject.ENTERPRISE) listed.add(n.enterprise().code());
    }
    for (Flow flow : Flow.values()) {
      List<Enterprise> trading =
          enterprises.stream().filter(e -> e.trades(flow) && !listed.contains(e.code())).toList();
      normalByFlow.put(flow, trading);
      double total = trading.stream().mapToDouble(Enterprise::weight).sum();
      for (Enterprise e : trading) {
        orderShare.merge(e.code(), flow.share() * e.weight() / total, Double::sum);
      }
    }
  }

  /** The zone of a seed. */
  public static Zone build(long seed, ZoneShape shape) {
    Rand rand = new Rand(seed ^ 0x5A4E31L);
    List<Enterprise> enterprises = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int importers = (int) Math.round(shape.enterprises() * 0.6);
    int first = firstSequence(seed);
    for (int i = 0; i < shape.enterprises(); i++) {
      boolean importer = i < importers;
      enterprises.add(enterprise(rand, first + i, importer, names));
    }
    // Zipf-like shares, in a shuffled order so that big importers and exporters both exist.
    List<Integer> ranks = new ArrayList<>();
    for (int i = 0; i < enterprises.size(); i++) ranks.add(i);
    for (int i = ranks.size() - 1; i > 0; i--) {
      int j = rand.below(i + 1);
      Integer t = ranks.get(i);
      ranks.set(i, ranks.get(j));
      ranks.set(j, t);
    }
    List<Enterprise> weighted = new ArrayList<>();
    for (int i = 0; i < enterprises.size(); i++) {
      Enterprise e = enterprises.get(i);
      double weight = 1.0 / Math.pow(ranks.get(i) + 1, 0.9);
      weighted.add(
          new Enterprise(
              e.code(),
              e.name(),
              e.creditCode(),
              e.country(),
              e.address(),
              e.flows(),
              e.currency(),
              e.markets(),
              e.platforms(),
              weight,
              e.goods()));
    }
    return new Zone(seed, weighted, negativeList(rand, weighted));
  }

  /**
   * Where a seed's enterprise codes start: seeds get blocks of 300 codes of their own (mostly), so
   * that the reference data of two zones (filings, negative list on compacted topics) do not
   * overwrite each other. The block holding the participants' codes (...960001) is skipped.
   */
  static int firstSequence(long seed) {
    int block = (int) Math.floorMod(seed * 0x9E3779B97F4A7C15L ^ (seed >>> 29), 290L);
    if (block >= 166) block++;
    return 10000 + block * 300;
  }

  private static Enterprise enterprise(Rand rand, int seq, boolean importer, Set<String> names) {
    String area = rand.pick(CITY_AREAS);
    String code = area + "9" + seq;
    boolean overseas = importer && rand.chance(0.15);
    List<Flow> flows = importer ? importFlows(rand) : exportFlows(rand);
    List<String> markets = new ArrayList<>();
    String currency = CurrencyCode.CNY.code();
    String country = "142";
    List<Product> products;
    if (importer) {
      products = pickProducts(rand, GoodsCatalogue.byChapter(Trade.IMPORT), 1, 3);
      if (overseas) country = rand.pick(products.get(0).origins());
    } else {
      products = pickProducts(rand, GoodsCatalogue.byChapter(Trade.EXPORT), 1, 3);
      String primary = Markets.DESTINATIONS.get(Math.min(rand.below(8) + rand.below(13), 19));
      markets.add(primary);
      CurrencyCode c = Markets.CURRENCY.get(primary);
      for (String m : Markets.DESTINATIONS) {
        if (markets.size() < 3
            && !m.equals(primary)
            && Markets.CURRENCY.get(m) == c
            && rand.chance(0.3)) {
          markets.add(m);
        }
      }
      currency = c.code();
    }
    String name = uniqueName(rand, area, overseas, country, names);
    String district = rand.pick(CITY_DISTRICTS.get(area).split(","));
    String address =
        overseas
            ? Markets.nameEn(country) + ", " + rand.between(1, 300) + " Harbour Road"
            : "广东省"
                + CITY.get(area)
                + district
                + rand.pick(new String[] {"前海路", "海滨大道", "科苑南路", "港城路", "保税区一路"})
                + rand.between(1, 300)
                + "号";
    List<Goods> goods = new ArrayList<>();
    int items = rand.between(4, 14);
    Map<Product, Integer> seen = new java.util.HashMap<>();
    for (int i = 0; i < items; i++) {
      Product p = products.get(rand.below(products.size()));
      int variant = seen.merge(p, 1, Integer::sum) - 1;
      goods.add(goods(rand, code, i + 1, p, variant, overseas ? country : null, currency));
    }
    if (importer && rand.chance(0.12)) {
      List<Product> luxury = GoodsCatalogue.ALL.stream().filter(Product::luxury).toList();
      goods.add(goods(rand, code, items + 1, rand.pick(luxury), 0, null, currency));
    }
    List<String> platforms =
        importer
            ? (rand.chance(0.3) ? IMPORT_PLATFORMS : List.of(rand.pick(IMPORT_PLATFORMS)))
            : (rand.chance(0.3) ? EXPORT_PLATFORMS : List.of(rand.pick(EXPORT_PLATFORMS)));
    return new Enterprise(
        code,
        name,
        creditCode(rand, area),
        country,
        address,
        flows,
        currency,
        List.copyOf(markets),
        platforms,
        1,
        List.copyOf(goods));
  }

  private static List<Flow> importFlows(Rand rand) {
    double u = rand.unit();
    if (u < 0.4) return List.of(Flow.DIRECT_IMPORT);
    if (u < 0.65) return List.of(Flow.BONDED_IMPORT);
    return List.of(Flow.DIRECT_IMPORT, Flow.BONDED_IMPORT);
  }

  private static List<Flow> exportFlows(Rand rand) {
    double u = rand.unit();
    if (u < 0.35) return List.of(Flow.DIRECT_EXPORT);
    if (u < 0.55) return List.of(Flow.B2B_EXPORT);
    if (u < 0.70) return List.of(Flow.WAREHOUSE_EXPORT);
    if (u < 0.85) return List.of(Flow.DIRECT_EXPORT, Flow.B2B_EXPORT);
    return List.of(Flow.B2B_EXPORT, Flow.WAREHOUSE_EXPORT);
  }

  private static List<Product> pickProducts(
      Rand rand, Map<String, List<Product>> byChapter, int min, int max) {
    List<String> chapters = new ArrayList<>(byChapter.keySet());
    List<Product> products = new ArrayList<>();
    int n = rand.between(min, max);
    for (int i = 0; i < n && !chapters.isEmpty(); i++) {
      String chapter = chapters.remove(rand.below(chapters.size()));
      products.addAll(byChapter.get(chapter).stream().filter(p -> !p.luxury()).toList());
    }
    return products;
  }

  private static final String[] VARIANTS = {"经典款", "升级款", "礼盒装", "家庭装", "旅行装", "限定款", "标准装"};

  private static Goods goods(
      Rand rand,
      String ebcCode,
      int n,
      Product p,
      int variant,
      String sellerCountry,
      String currency) {
    String origin =
        p.direction() == Trade.EXPORT
            ? "142"
            : sellerCountry != null && p.origins().contains(sellerCountry)
                ? sellerCountry
                : rand.pick(p.origins());
    double yuan = rand.between(p.minCny(), p.maxCny());
    BigDecimal price =
        yuan >= 100
            ? BigDecimal.valueOf(Math.round(yuan)).setScale(2)
            : BigDecimal.valueOf(Math.round(yuan * 10) / 10.0)
                .setScale(2, java.math.RoundingMode.HALF_UP);
    if (!currency.equals(CurrencyCode.CNY.code())) price = Markets.fromYuan(price, currency);
    if (price.signum() == 0) price = new BigDecimal("0.01");
    String suffix = ebcCode.substring(5);
    return new Goods(
        String.format("GR%s%03d", ebcCode, n),
        ebcCode,
        String.format("SKU%s-%03d", suffix, n),
        variant == 0 ? p.name() : p.name() + "（" + VARIANTS[(variant - 1) % VARIANTS.length] + "）",
        p.gcode(),
        p.spec(),
        origin,
        p.unit(),
        price,
        currency,
        p.kg(),
        barCode(rand, origin),
        p.luxury());
  }

  /** An EAN-13 with the GS1 prefix of the origin and a right check digit. */
  static String barCode(Rand rand, String origin) {
    String prefix = BARCODE_PREFIX.getOrDefault(origin, "69");
    String body = prefix + rand.digits(12 - prefix.length());
    int sum = 0;
    for (int i = 0; i < 12; i++) sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    return body + (10 - sum % 10) % 10;
  }

  private static String uniqueName(
      Rand rand, String area, boolean overseas, String country, Set<String> names) {
    while (true) {
      String name =
          overseas
              ? rand.pick(FOREIGN_WORDS)
                  + " "
                  + rand.pick(FOREIGN_WORDS)
                  + " Trading Co., Ltd. ("
                  + Markets.nameEn(country)
                  + ")"
              : CITY.get(area)
                  + TRADE_NAMES.charAt(rand.below(TRADE_NAMES.length()))
                  + TRADE_NAMES.charAt(rand.below(TRADE_NAMES.length()))
                  + rand.pick(INDUSTRY)
                  + "有限公司";
      if (names.add(name)) return name;
    }
  }

  /** A unified social credit code of a company (91...) with a right check character. */
  public static String creditCode(Rand rand, String area) {
    StringBuilder sb = new StringBuilder("91").append(area).append("00");
    String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (int i = 0; i < 9; i++) sb.append(charset.charAt(rand.below(charset.length())));
    String draft = sb.append('0').toString();
    return draft.substring(0, 17) + CreditCode.expectedCheckCharacter(draft);
  }

  private static List<NegativeSubject> negativeList(Rand rand, List<Enterprise> enterprises) {
    List<NegativeSubject> list = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    List<Enterprise> importers = enterprises.stream().filter(Enterprise::importer).toList();
    List<Enterprise> exporters = enterprises.stream().filter(e -> !e.importer()).toList();
    int perSide = Math.max(1, enterprises.size() / 100);
    for (List<Enterprise> side : List.of(importers, exporters)) {
      for (int i = 0; i < perSide; i++) {
        Enterprise e = rand.pick(side);
        if (listed.add(e.code())) {
          list.add(new NegativeSubject(Subject.ENTERPRISE, e, null, rand.pick(NEGATIVE_REASONS)));
        }
      }
    }
    int goods = Math.max(2, enterprises.size() / 50);
    Set<String> listedGoods = new HashSet<>();
    for (int i = 0; i < goods * 3 && listedGoods.size() < goods; i++) {
      Enterprise e = rand.pick(i % 2 == 0 ? importers : exporters);
      if (listed.contains(e.code()) || e.goods().size() < 3) continue;
      Goods g = rand.pick(e.goods());
      if (g.luxury() || !listedGoods.add(g.itemRecordNo())) continue;
      list.add(new NegativeSubject(Subject.GOODS, e, g, rand.pick(GOODS_REASONS)));
    }
    return list;
  }

  public long seed() {
    return seed;
  }

  public List<Participant> participants() {
    return ZoneParticipants.ALL;
  }

  public List<Enterprise> enterprises() {
    return enterprises;
  }

  /** The enterprises of a flow that normal traffic uses (not on the negative list). */
  public List<Enterprise> normalEnterprises(Flow flow) {
    return normalByFlow.get(flow);
  }

  /** The share of all orders an enterprise has in normal traffic. */
  public double orderShare(Enterprise e) {
    return orderShare.getOrDefault(e.code(), 0.0);
  }

  public List<NegativeSubject> negativeSubjects() {
    return negative;
  }

  /** Whether normal traffic may order this item: not listed, not luxury. */
  public boolean normalGoods(Goods g) {
    return !g.luxury()
        && negative.stream().noneMatch(n -> n.goods() != null && n.goods().equals(g));
  }

  /** The negative list, dated. */
  public List<NegativeListEntry> negativeList(Instant listedAt) {
    List<NegativeListEntry> entries = new ArrayList<>();
    for (NegativeSubject s : negative) {
      Goods g = s.goods();
      entries.add(
          new NegativeListEntry(
              "NL-" + s.enterprise().code() + (g == null ? "" : "-" + g.itemRecordNo()),
              s.subject(),
              s.enterprise().code(),
              g == null ? null : g.itemRecordNo(),
              g == null ? null : g.itemNo(),
              g == null ? null : g.gcode(),
              s.reason(),
              ZONE_CODE,
              listedAt,
              null));
    }
    return entries;
  }

  /** The participant of a code, e.g. to name a platform. */
  public static String nameOf(String code) {
    return ZoneParticipants.ALL.stream()
        .filter(p -> p.code().equals(code))
        .map(Participant::name)
        .findFirst()
        .orElse(code);
  }
}
