package io.sanliu.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.sanliu.model.codes.Country;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Known trade for the screen tests: single counted documents ("facts": an order of the platform
 * caliber or a released list of the customs caliber), rolled up here into the windows and cube
 * slices of {@code sanliu-trade-stats} as docs/statistics.md describes them (ids and fields of the
 * strict template), so that a test can compare the API's figures with sums over the facts.
 */
final class ScreenData {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final List<String> MODES = List.of("9610", "1210", "9710", "9810");
  static final List<String> COUNTRIES = List.of("116", "133", "502", "132");
  static final List<String> CHAPTERS = List.of("33", "61", "85");

  /**
   * One counted document. {@code chapter} only on the customs caliber, {@code buyer} on imports.
   */
  record Fact(
      String caliber,
      Instant at,
      String direction,
      String mode,
      String country,
      String ebc,
      String chapter,
      long valueCents,
      long parcels,
      String buyer) {}

  /** Facts spread at random (fixed seed) over {@code [from, to)}. */
  static List<Fact> facts(long seed, int n, Instant from, Instant to) {
    Random r = new Random(seed);
    List<Fact> out = new ArrayList<>();
    long span = Duration.between(from, to).toSeconds();
    for (int i = 0; i < n; i++) {
      String caliber = r.nextBoolean() ? "PLATFORM" : "CUSTOMS";
      String direction = r.nextInt(3) == 0 ? "E" : "I";
      out.add(
          new Fact(
              caliber,
              from.plusSeconds((long) (r.nextDouble() * span)),
              direction,
              MODES.get(r.nextInt(MODES.size())),
              COUNTRIES.get(r.nextInt(COUNTRIES.size())),
              String.format("44039600%02d", r.nextInt(12)),
              caliber.equals("CUSTOMS") ? CHAPTERS.get(r.nextInt(CHAPTERS.size())) : null,
              1_000 + r.nextInt(500_000),
              1 + r.nextInt(3),
              direction.equals("I") ? "buyer-" + r.nextInt(300) : null));
    }
    return out;
  }

  static Instant windowStart(String size, Instant at) {
    return switch (size) {
      case "1m" -> at.truncatedTo(ChronoUnit.MINUTES);
      case "1h" -> at.truncatedTo(ChronoUnit.HOURS);
      case "1d" -> at.atZone(ZONE).truncatedTo(ChronoUnit.DAYS).toInstant();
      default -> throw new IllegalArgumentException(size);
    };
  }

  static Duration length(String size) {
    return switch (size) {
      case "1m" -> Duration.ofMinutes(1);
      case "1h" -> Duration.ofHours(1);
      default -> Duration.ofDays(1);
    };
  }

  /** The documents of every window (1m, 1h, 1d) and slice the facts fall in, keyed by id. */
  static Map<String, Map<String, Object>> statsDocuments(List<Fact> facts) {
    Map<String, List<Fact>> groups = new TreeMap<>();
    Map<String, Map<String, Object>> heads = new LinkedHashMap<>();
    for (Fact f : facts) {
      for (String size : List.of("1m", "1h", "1d")) {
        Instant start = windowStart(size, f.at());
        List<String[]> slices = new ArrayList<>();
        slices.add(new String[] {"TOTAL", null, "ALL"});
        slices.add(new String[] {"DIRECTION", f.direction(), f.direction()});
        slices.add(new String[] {"MODE", f.direction(), f.mode()});
        slices.add(new String[] {"COUNTRY", f.direction(), f.country()});
        slices.add(new String[] {"ENTERPRISE", f.direction(), f.ebc()});
        if (f.chapter() != null) slices.add(new String[] {"CHAPTER", f.direction(), f.chapter()});
        for (String[] s : slices) {
          String id = f.caliber() + ":" + size + ":" + start + ":" + s[0];
          if (s[1] != null) id += ":" + s[1];
          if (!s[0].equals("TOTAL") && !s[0].equals("DIRECTION")) id += ":" + s[2];
          groups.computeIfAbsent(id, k -> new ArrayList<>()).add(f);
          if (!heads.containsKey(id)) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("caliber", f.caliber());
            d.put("windowSize", size);
            d.put("windowStart", start.toString());
            d.put("windowEnd", start.plus(length(size)).toString());
            d.put("dimension", s[0]);
            if (s[1] != null) d.put("direction", s[1]);
            d.put("key", s[2]);
            switch (s[0]) {
              case "MODE" -> d.put("tradeMode", s[2]);
              case "COUNTRY" -> {
                d.put("country", s[2]);
                Country.find(s[2]).ifPresent(c -> d.put("countryName", c.nameZh()));
              }
              case "ENTERPRISE" -> d.put("ebcCode", s[2]);
              case "CHAPTER" -> d.put("hsChapter", s[2]);
              default -> {}
            }
            heads.put(id, d);
          }
        }
      }
    }
    Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
    groups.forEach(
        (id, fs) -> {
          Map<String, Object> d = new LinkedHashMap<>(heads.get(id));
          long orders = fs.size();
          long cents = sum(fs, Fact::valueCents);
          long avg =
              BigDecimal.valueOf(cents)
                  .divide(BigDecimal.valueOf(orders), 0, RoundingMode.HALF_UP)
                  .longValueExact();
          d.put("orders", orders);
          d.put("parcels", sum(fs, Fact::parcels));
          d.put("valueCents", cents);
          d.put("valueCny", cents / 100.0);
          d.put("buyers", buyers(fs));
          d.put("avgOrderValueCents", avg);
          d.put("avgOrderValueCny", avg / 100.0);
          d.put("updatedAt", "2041-03-20T00:00:00Z");
          docs.put(id, d);
        });
    return docs;
  }

  static long sum(List<Fact> facts, Function<Fact, Long> measure) {
    return facts.stream().mapToLong(measure::apply).sum();
  }

  static long buyers(List<Fact> facts) {
    Set<String> b = new HashSet<>();
    facts.stream().map(Fact::buyer).filter(Objects::nonNull).forEach(b::add);
    return b.size();
  }

  static List<Fact> where(List<Fact> facts, Predicate<Fact> p) {
    return facts.stream().filter(p).toList();
  }

  static Predicate<Fact> in(String caliber, Instant from, Instant to) {
    return f -> f.caliber().equals(caliber) && !f.at().isBefore(from) && f.at().isBefore(to);
  }

  static void index(ElasticsearchClient es, String index, Map<String, Map<String, Object>> docs) {
    List<Map.Entry<String, Map<String, Object>>> all = new ArrayList<>(docs.entrySet());
    try {
      for (int from = 0; from < all.size(); from += 2_000) {
        var chunk = all.subList(from, Math.min(all.size(), from + 2_000));
        BulkResponse r =
            es.bulk(
                b -> {
                  for (var e : chunk) {
                    b.operations(
                        op -> op.index(i -> i.index(index).id(e.getKey()).document(e.getValue())));
                  }
                  return b.refresh(Refresh.WaitFor);
                });
        if (r.errors()) {
          var failed = r.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
          throw new IllegalStateException("bulk refused: " + failed.error());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
