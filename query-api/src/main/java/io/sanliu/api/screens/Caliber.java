package io.sanliu.api.screens;

import io.sanliu.api.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whose count a figure is. The platform and customs count the same trade from two sources at two
 * moments; figures of the two are shown side by side, never added (docs/statistics.md).
 */
enum Caliber {
  PLATFORM("平台口径", "orders pushed by the platforms as new, once per order, at the order's time"),
  CUSTOMS("海关口径", "customs lists released (800, or 899 without an 800), at the release time");

  private final String nameZh;
  private final String meaning;

  Caliber(String nameZh, String meaning) {
    this.nameZh = nameZh;
    this.meaning = meaning;
  }

  String nameZh() {
    return nameZh;
  }

  String meaning() {
    return meaning;
  }

  static Caliber of(String param, String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Params.invalid(param, "must be PLATFORM or CUSTOMS, not '" + value + "'");
    }
  }

  /** One caliber or a comma-separated list; {@code fallback} when absent. */
  static List<Caliber> list(Params params, String name, List<Caliber> fallback) {
    List<String> values = params.list(name);
    if (values.isEmpty()) return fallback;
    List<Caliber> out = new ArrayList<>();
    for (String v : values) {
      Caliber c = of(name, v);
      if (!out.contains(c)) out.add(c);
    }
    return out;
  }
}
