package io.sanliu.api.ledger;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.sanliu.model.elastic.Indices;
import java.util.ArrayList;
import java.util.List;

/**
 * Which ledger entries a figure is made of: one enterprise's ({@code ebcCode}) verified parcels
 * released within a month range, narrowed further by exact field values. It builds the
 * Elasticsearch query and says the same in words for the answer's {@code sources}.
 */
public record LedgerFilter(String code, MonthRange range) {

  /** The query: the enterprise's entries released in the range. */
  public Query query() {
    return range.of("ebcCode", code, "releasedAt");
  }

  /** The filter in words, e.g. {@code ebcCode = X AND releasedAt >= ... AND releasedAt < ...}. */
  public String describe(String... more) {
    List<String> parts = new ArrayList<>();
    parts.add("ebcCode = " + code);
    parts.add("releasedAt >= " + range.start());
    parts.add("releasedAt < " + range.end());
    parts.addAll(List.of(more));
    return String.join(" AND ", parts);
  }

  public String index() {
    return Indices.VERIFIED_TRADE;
  }
}
