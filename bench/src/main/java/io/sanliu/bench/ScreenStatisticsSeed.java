package io.sanliu.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.sanliu.model.elastic.Indices;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Statistics for the screen bench when it runs its own stack: documents of {@code
 * sanliu-trade-stats} shaped as the statistics job writes them (total, direction, mode, country and
 * enterprise slices, both calibers) for every hour of the last 26 hours, every minute of the
 * current hour and of the same hour yesterday, and the last two zone days: what the overview, a day
 * of hourly series and today's rankings read.
 */
final class ScreenStatisticsSeed {
  private static final List<String> MODES = List.of("9610", "1210", "9710", "9810");
  private static final List<String> COUNTRIES = List.of("116", "133", "502", "132", "344");

  private ScreenStatisticsSeed() {}

  static int seed(ElasticsearchClient es, Instant now, long seed) throws IOException {
    Random random = new Random(seed);
    List<Map<String, Object>> docs = new ArrayList<>();
    Instant hour = now.truncatedTo(ChronoUnit.HOURS);
    for (int h = 1; h <= 26; h++) windows(docs, "1h", hour.minus(Duration.ofHours(h)), random);
    for (Instant base : List.of(hour, hour.minus(Duration.ofDays(1)))) {
      for (int m = 0; m < 60; m++) windows(docs, "1m", base.plus(Duration.ofMinutes(m)), random);
    }
    Instant day = now.atZone(ZoneId.of("Asia/Shanghai")).truncatedTo(ChronoUnit.DAYS).toInstant();
    for (int d = 1; d <= 2; d++) windows(docs, "1d", day.minus(Duration.ofDays(d)), random);
    for (int from = 0; from < docs.size(); from += 5_000) {
      var chunk = docs.subList(from, Math.min(docs.size(), from + 5_000));
      var response =
          es.bulk(
              b -> {
                for (Map<String, Object> d : chunk) {
                  b.operations(
                      op ->
                          op.index(
                              i ->
                                  i.index(Indices.TRADE_STATS)
                                      .id((String) d.get("id"))
                                      .document(body(d))));
                }
                return b.refresh(Refresh.WaitFor);
              });
      if (response.errors()) throw new IllegalStateException("seed refused: " + response.items());
    }
    return docs.size();
  }

  private static Map<String, Object> body(Map<String, Object> d) {
    Map<String, Object> copy = new LinkedHashMap<>(d);
    copy.remove("id");
    return copy;
  }

  private static void windows(List<Map<String, Object>> out, String size, Instant start, Random r) {
    Duration length =
        switch (size) {
          case "1m" -> Duration.ofMinutes(1);
          case "1h" -> Duration.ofHours(1);
          default -> Duration.ofDays(1);
        };
    int scale = size.equals("1m") ? 1 : size.equals("1h") ? 60 : 1440;
    for (String caliber : List.of("PLATFORM", "CUSTOMS")) {
      out.add(doc(caliber, size, start, length, "TOTAL", null, "ALL", null, scale, r));
      for (String dir : List.of("I", "E")) {
        out.add(doc(caliber, size, start, length, "DIRECTION", dir, dir, null, scale, r));
        for (String m : MODES)
          out.add(doc(caliber, size, start, length, "MODE", dir, m, "tradeMode", scale, r));
        for (String c : COUNTRIES)
          out.add(doc(caliber, size, start, length, "COUNTRY", dir, c, "country", scale, r));
        for (int e = 0; e < 10; e++) {
          out.add(
              doc(
                  caliber,
                  size,
                  start,
                  length,
                  "ENTERPRISE",
                  dir,
                  "44039600" + dir.charAt(0) + e,
                  "ebcCode",
                  scale,
                  r));
        }
      }
    }
  }

  private static Map<String, Object> doc(
      String caliber,
      String size,
      Instant start,
      Duration length,
      String dimension,
      String direction,
      String key,
      String field,
      int scale,
      Random r) {
    long orders = 1 + r.nextInt(20 * scale);
    long cents = orders * (5_000 + r.nextInt(50_000));
    Map<String, Object> d = new LinkedHashMap<>();
    String id = caliber + ":" + size + ":" + start + ":" + dimension;
    if (direction != null) id += ":" + direction;
    if (field != null) id += ":" + key;
    d.put("id", id);
    d.put("caliber", caliber);
    d.put("windowSize", size);
    d.put("windowStart", start.toString());
    d.put("windowEnd", start.plus(length).toString());
    d.put("dimension", dimension);
    if (direction != null) d.put("direction", direction);
    d.put("key", key);
    if (field != null) d.put(field, key);
    d.put("orders", orders);
    d.put("parcels", orders);
    d.put("valueCents", cents);
    d.put("valueCny", cents / 100.0);
    d.put("buyers", orders / 2);
    d.put("avgOrderValueCents", cents / orders);
    d.put("avgOrderValueCny", cents / orders / 100.0);
    d.put("updatedAt", start.plus(length).toString());
    return d;
  }
}
