package io.sanliu.jobs.stats;

import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.fx.DefaultFxRates;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.privacy.PersonalField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The trade statistics worked out the plain way, from the records as read back from Kafka, without
 * any of the job's classes: what Elasticsearch must hold, document id by document id. The rules are
 * docs/statistics.md's, written again.
 */
final class ExpectedStatistics {
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  static final List<String> ALL_SIZES = List.of("1m", "1h", "1d");

  /** What a slice or a ranked entry adds up to. */
  static final class Tally {
    long orders;
    long parcels;
    long cents;
    final Set<String> buyers = new HashSet<>();

    void add(long parcels, long cents, String buyer) {
      this.orders++;
      this.parcels += parcels;
      this.cents += cents;
      if (buyer != null) buyers.add(buyer);
    }

    @Override
    public String toString() {
      return orders
          + " orders, "
          + parcels
          + " parcels, "
          + cents
          + " cents, "
          + buyers.size()
          + " buyers";
    }
  }

  /** One rank of a ranking. */
  record Ranked(String key, long orders, long parcels, long cents) {}

  private final List<FxRate> published;
  private final int topN;

  /** Stored slices by document id. */
  final Map<String, Tally> slices = new TreeMap<>();

  /** Ranked slices: ranking id (caliber:size:start:dimension:direction) → entry key → tally. */
  private final Map<String, Map<String, Tally>> rankings = new TreeMap<>();

  ExpectedStatistics(List<FxRate> published, int topN) {
    this.published = published;
    this.topN = topN;
  }

  // ---- exchange rates

  long cents(BigDecimal amount, String currency, Instant at) {
    String c = currency == null || currency.isBlank() ? "142" : currency.trim();
    BigDecimal rate;
    if (c.equals("142")) {
      rate = BigDecimal.ONE;
    } else {
      rate =
          published.stream()
              .filter(r -> r.currency().equals(c) && !r.validFrom().isAfter(at))
              .max(Comparator.comparing(FxRate::validFrom))
              .map(FxRate::cnyPerUnit)
              .orElseGet(() -> DefaultFxRates.find(c).orElseThrow());
    }
    return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
  }

  static BigDecimal amount(BigDecimal total, BigDecimal price, BigDecimal qty) {
    if (total != null) return total;
    if (price != null && qty != null) return price.multiply(qty);
    return BigDecimal.ZERO;
  }

  static String orUnknown(String v) {
    return v == null || v.isBlank() ? "UNKNOWN" : v.trim();
  }

  // ---- windows and ids

  static Instant windowStart(Instant t, String size) {
    return switch (size) {
      case "1m" -> t.truncatedTo(ChronoUnit.MINUTES);
      case "1h" -> t.truncatedTo(ChronoUnit.HOURS);
      case "1d" -> t.atZone(CHINA).truncatedTo(ChronoUnit.DAYS).toInstant();
      default -> throw new IllegalArgumentException(size);
    };
  }

  static String sliceId(
      String caliber, String size, Instant start, String dimension, String dir, String key) {
    String id = caliber + ":" + size + ":" + start + ":" + dimension;
    if (dir != null) id += ":" + dir;
    if (!dimension.equals("TOTAL") && !dimension.equals("DIRECTION")) id += ":" + key;
    return id;
  }

  private void add(
      String caliber,
      Instant t,
      List<String> sizes,
      String dimension,
      String dir,
      String key,
      long parcels,
      long cents,
      String buyer) {
    for (String size : sizes) {
      Instant start = windowStart(t, size);
      if (!dimension.equals("GOODS")) {
        slices
            .computeIfAbsent(sliceId(caliber, size, start, dimension, dir, key), k -> new Tally())
            .add(parcels, cents, buyer);
      }
      if (dimension.equals("COUNTRY")
          || dimension.equals("ENTERPRISE")
          || dimension.equals("GOODS")) {
        rankings
            .computeIfAbsent(
                caliber + ":" + size + ":" + start + ":" + dimension + ":" + dir,
                k -> new TreeMap<>())
            .computeIfAbsent(key, k -> new Tally())
            .add(parcels, cents, null);
      }
    }
  }

  /** A document, whole, to its total, direction, mode, country, platform, enterprise (and port). */
  private void addWhole(
      String caliber,
      Instant t,
      List<String> sizes,
      String dir,
      Map<String, String> dimensions,
      long parcels,
      long cents,
      String buyer) {
    add(caliber, t, sizes, "TOTAL", null, "ALL", parcels, cents, buyer);
    add(caliber, t, sizes, "DIRECTION", dir, dir, parcels, cents, buyer);
    dimensions.forEach((dim, key) -> add(caliber, t, sizes, dim, dir, key, parcels, cents, buyer));
  }

  // ---- platform caliber

  /**
   * Adds the first new order of each order key, in the order Kafka holds them.
   *
   * @param sizes the window sizes an order is counted in (all but the late ones)
   */
  void addOrders(
      List<Envelope<Order>> orders,
      Predicate<Instant> inScope,
      Function<Order, List<String>> sizes) {
    Set<String> seen = new HashSet<>();
    for (Envelope<Order> e : orders) {
      Order o = e.payload();
      if (o.appType() != AppType.NEW || !seen.add(o.ebpCode() + ":" + o.orderNo())) continue;
      Instant t = e.eventTime() != null ? e.eventTime() : e.ingestTime();
      if (!inScope.test(t)) continue;
      String dir = o.direction() == null ? "UNKNOWN" : o.direction().name();
      String country = null;
      Map<String, Long> goods = new TreeMap<>();
      long lineCents = 0;
      for (OrderItem i : o.items()) {
        String currency = i.currency() != null ? i.currency() : o.currency();
        long c = cents(amount(i.totalPrice(), i.price(), i.qty()), currency, t);
        goods.merge(orUnknown(o.ebcCode()) + ":" + orUnknown(i.itemNo()), c, Long::sum);
        lineCents += c;
        if (country == null && i.country() != null && !i.country().isBlank())
          country = i.country().trim();
      }
      long value = o.goodsValue() != null ? cents(o.goodsValue(), o.currency(), t) : lineCents;
      String buyer = PersonalField.hashOf(o.buyerId());
      Map<String, String> dims = new LinkedHashMap<>();
      dims.put("MODE", o.tradeMode() == null ? "UNKNOWN" : o.tradeMode().code());
      dims.put("COUNTRY", orUnknown(country));
      dims.put("PLATFORM", orUnknown(o.ebpCode()));
      dims.put("ENTERPRISE", orUnknown(o.ebcCode()));
      List<String> in = sizes.apply(o);
      addWhole("PLATFORM", t, in, dir, dims, 1, value, buyer);
      goods.forEach((g, c) -> add("PLATFORM", t, in, "GOODS", dir, g, 1, c, null));
    }
  }

  // ---- customs caliber

  /** Adds every list released by a receipt (800 or 899, the first per key), at its release. */
  void addReleases(
      List<Envelope<CustomsList>> lists,
      List<Envelope<CustomsReceipt>> receipts,
      Predicate<Instant> inScope) {
    Map<String, CustomsList> byKey = new HashMap<>();
    for (Envelope<CustomsList> e : lists) {
      CustomsList l = e.payload();
      if (l.appType() == AppType.DELETE) continue;
      List<String> keys = new ArrayList<>();
      keys.add(l.ebpCode() + ":" + l.orderNo());
      if (l.copNo() != null) keys.add(DocumentKeys.customsList(l.ebpCode(), l.copNo()));
      if (l.invtNo() != null) keys.add(DocumentKeys.customsList(l.ebpCode(), l.invtNo()));
      for (String k : keys) {
        CustomsList first = byKey.putIfAbsent(k, l);
        if (first != null && !first.equals(l)) {
          throw new IllegalStateException(
              "two different versions of list " + k + ": count which one? Update the test.");
        }
      }
    }
    Map<String, Instant> released = new LinkedHashMap<>();
    for (Envelope<CustomsReceipt> e : receipts) {
      CustomsReceipt r = e.payload();
      if (r.kind() != ReceiptKind.CUSTOMS_LIST) continue;
      if (!r.returnStatus().equals("800") && !r.returnStatus().equals("899")) continue;
      released.putIfAbsent(r.businessKey(), r.returnTime());
    }
    released.forEach(
        (key, at) -> {
          CustomsList l = byKey.get(key);
          if (l != null && inScope.test(at)) addRelease(l, at);
        });
  }

  private void addRelease(CustomsList l, Instant at) {
    Instant declared = l.declTime() != null ? l.declTime() : l.appTime();
    Map<String, Long> chapters = new TreeMap<>();
    Map<String, Long> goods = new TreeMap<>();
    long value = 0;
    for (CustomsListItem i : l.items()) {
      String currency = i.currency() != null ? i.currency() : l.currency();
      long c = cents(amount(i.totalPrice(), i.price(), i.qty()), currency, declared);
      String gcode = orUnknown(i.gcode());
      String chapter =
          i.gcode() != null && i.gcode().length() >= 2 ? i.gcode().substring(0, 2) : "UNKNOWN";
      chapters.merge(chapter, c, Long::sum);
      goods.merge(gcode, c, Long::sum);
      value += c;
    }
    String dir = l.direction() == null ? "UNKNOWN" : l.direction().name();
    long parcels = l.packNo() != null && l.packNo() > 0 ? l.packNo() : 1;
    String buyer = PersonalField.hashOf(l.buyerId());
    Map<String, String> dims = new LinkedHashMap<>();
    dims.put("MODE", l.tradeMode() == null ? "UNKNOWN" : l.tradeMode().code());
    dims.put("COUNTRY", orUnknown(l.country()));
    dims.put("PLATFORM", orUnknown(l.ebpCode()));
    dims.put("ENTERPRISE", orUnknown(l.ebcCode()));
    dims.put("PORT", orUnknown(l.portCode()));
    addWhole("CUSTOMS", at, ALL_SIZES, dir, dims, parcels, value, buyer);
    chapters.forEach(
        (ch, c) -> add("CUSTOMS", at, ALL_SIZES, "CHAPTER", dir, ch, parcels, c, buyer));
    goods.forEach((g, c) -> add("CUSTOMS", at, ALL_SIZES, "GOODS", dir, g, parcels, c, null));
  }

  // ---- rankings

  /** Every rank document: id → its entry. */
  Map<String, Ranked> top() {
    Map<String, Ranked> top = new TreeMap<>();
    rankings.forEach(
        (ranking, entries) -> {
          List<Map.Entry<String, Tally>> sorted = new ArrayList<>(entries.entrySet());
          sorted.sort(
              Comparator.<Map.Entry<String, Tally>>comparingLong(e -> -e.getValue().cents)
                  .thenComparingLong(e -> -e.getValue().orders)
                  .thenComparing(Map.Entry::getKey));
          for (int i = 0; i < Math.min(topN, sorted.size()); i++) {
            Tally t = sorted.get(i).getValue();
            top.put(
                ranking + ":" + (i + 1),
                new Ranked(sorted.get(i).getKey(), t.orders, t.parcels, t.cents));
          }
        });
    return top;
  }
}
