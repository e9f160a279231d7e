package io.sanliu.api.ledger;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.sanliu.api.Params;
import io.sanliu.model.ceb.CebTime;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A span of whole months in China time, {@code from} to {@code to} inclusive, from the query
 * parameters {@code from} and {@code to} ({@code yyyy-MM}). Without them: the twelve months up to
 * and including the current one.
 */
public record MonthRange(YearMonth from, YearMonth to) {
  /** Longest span one request may ask for (ten years). */
  public static final int MAX_MONTHS = 120;

  static final int DEFAULT_MONTHS = 12;
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  /** The range the request's {@code from} and {@code to} name; a bad one is a 400 naming it. */
  public static MonthRange of(Params params, Clock clock) {
    YearMonth to = month(params, "to");
    YearMonth from = month(params, "from");
    if (to == null) {
      // Only from: up to the current month, or from itself when from lies ahead.
      to = now(clock);
      if (from != null && from.isAfter(to)) to = from;
    }
    if (from == null) from = to.minusMonths(DEFAULT_MONTHS - 1);
    if (from.isAfter(to)) throw Params.invalid("from", "must not be after to (" + to + ")");
    long span = ChronoUnit.MONTHS.between(from, to) + 1;
    if (span > MAX_MONTHS) {
      throw Params.invalid(
          "to", "spans " + span + " months from " + from + "; at most " + MAX_MONTHS + " allowed");
    }
    return new MonthRange(from, to);
  }

  private static YearMonth now(Clock clock) {
    return YearMonth.from(clock.instant().atZone(CebTime.CHINA));
  }

  private static YearMonth month(Params params, String name) {
    String v = params.text(name);
    if (v == null) return null;
    if (!MONTH.matcher(v).matches()) {
      throw Params.invalid(name, "must be a month yyyy-MM like 2041-01, not '" + v + "'");
    }
    try {
      return YearMonth.parse(v);
    } catch (DateTimeParseException e) {
      throw Params.invalid(name, "must be a month yyyy-MM like 2041-01, not '" + v + "'");
    }
  }

  /** The first instant of {@code from} in China time. */
  public Instant start() {
    return from.atDay(1).atStartOfDay(CebTime.CHINA).toInstant();
  }

  /** The first instant after {@code to} in China time (exclusive end). */
  public Instant end() {
    return to.plusMonths(1).atDay(1).atStartOfDay(CebTime.CHINA).toInstant();
  }

  /** Every month of the range, in order. */
  public List<String> months() {
    List<String> out = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) out.add(m.toString());
    return out;
  }

  /** Documents whose {@code codeField} is {@code code} and whose {@code dateField} is in range. */
  public Query of(String codeField, String code, String dateField) {
    return Query.of(
        q ->
            q.bool(
                b ->
                    b.filter(f -> f.term(t -> t.field(codeField).value(code)))
                        .filter(
                            f ->
                                f.range(
                                    r ->
                                        r.date(
                                            d ->
                                                d.field(dateField)
                                                    .gte(start().toString())
                                                    .lt(end().toString()))))));
  }
}
