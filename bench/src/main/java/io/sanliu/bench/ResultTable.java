package io.sanliu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a report's rows as a plain-text table for the console. */
public final class ResultTable {
  private ResultTable() {}

  public static String render(BenchReport report) {
    List<BenchResult> results = report.results();
    boolean ratios = results.stream().anyMatch(r -> r.baseline() != null);
    List<String> header = new ArrayList<>(List.of("benchmark", "count", "seconds", "per second"));
    header.add("MB/s");
    header.add("spread /s");
    if (ratios) header.add("vs baseline");
    header.add("load");
    header.add("notes");

    List<List<String>> rows = new ArrayList<>();
    for (BenchResult r : results) {
      List<String> row = new ArrayList<>();
      row.add(r.name());
      row.add(String.format(Locale.ROOT, "%,d %s", r.count(), r.unit()));
      row.add(String.format(Locale.ROOT, "%.2f", r.seconds()));
      row.add(String.format(Locale.ROOT, "%,.0f", r.perSecond()));
      row.add(r.mbPerSecond() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.mbPerSecond()));
      row.add(
          r.repetitions().size() < 2
              ? "1 rep"
              : String.format(
                  Locale.ROOT,
                  "%s-%s (%d)",
                  compact(r.minPerSecond()),
                  compact(r.maxPerSecond()),
                  r.repetitions().size()));
      if (ratios) {
        row.add(
            report
                .vsBaseline(r)
                .map(x -> String.format(Locale.ROOT, "%.2fx %s", x, r.baseline()))
                .orElse(""));
      }
      row.add(r.loadAverage() < 0 ? "?" : String.format(Locale.ROOT, "%.1f", r.loadAverage()));
      row.add(r.notes());
      rows.add(row);
    }

    int columns = header.size();
    int[] width = new int[columns];
    for (int c = 0; c < columns; c++) {
      width[c] = header.get(c).length();
      for (List<String> row : rows) width[c] = Math.max(width[c], row.get(c).length());
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, header, width, columns);
    StringBuilder rule = new StringBuilder();
    for (int c = 0; c < columns; c++) {
      if (c > 0) rule.append("  ");
      rule.append("-".repeat(c == columns - 1 ? Math.min(width[c], 40) : width[c]));
    }
    out.append(rule).append('\n');
    for (List<String> row : rows) appendRow(out, row, width, columns);
    return out.toString();
  }

  private static void appendRow(StringBuilder out, List<String> cells, int[] width, int columns) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < columns; c++) {
      if (c > 0) line.append("  ");
      String cell = cells.get(c);
      boolean last = c == columns - 1;
      boolean numeric = c >= 1 && c <= 4;
      if (last) line.append(cell);
      else if (numeric) line.append(" ".repeat(width[c] - cell.length())).append(cell);
      else line.append(cell).append(" ".repeat(width[c] - cell.length()));
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  /** 12345 -> 12.3k, 1234567 -> 1.23M: short enough for a spread column. */
  static String compact(double value) {
    if (value >= 1e6) return String.format(Locale.ROOT, "%.2fM", value / 1e6);
    if (value >= 1e4) return String.format(Locale.ROOT, "%.1fk", value / 1e3);
    if (value >= 1e3) return String.format(Locale.ROOT, "%.2fk", value / 1e3);
    return String.format(Locale.ROOT, "%.0f", value);
  }
}
