package io.sanliu.api.tax;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ledger.CompositeBuckets;
import io.sanliu.api.ledger.LedgerFilter;
import io.sanliu.model.Json;
import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.tax.ComprehensiveTax;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An enterprise's tax figures per month from the verified trade ledger, summed in Elasticsearch
 * (one paged composite aggregation by month and kind of parcel): retail exports under the
 * no-invoice exemption with the deemed corporate income tax, and retail imports' comprehensive tax
 * declared against computed. See docs/credit.md.
 */
public final class TaxSummary {
  static final List<String> GROUPS = List.of("month", "exemptRetailExport", "retailImport");

  private final CompositeBuckets buckets;

  public TaxSummary(CompositeBuckets buckets) {
    this.buckets = buckets;
  }

  /** One month's sums, in cents. */
  static final class Month {
    long exportParcels;
    long exportTurnover;
    long importParcels;
    long declared;
    long declaredParcels;
    long computed;
    long below;

    void add(Month m) {
      exportParcels += m.exportParcels;
      exportTurnover += m.exportTurnover;
      importParcels += m.importParcels;
      declared += m.declared;
      declaredParcels += m.declaredParcels;
      computed += m.computed;
      below += m.below;
    }
  }

  public Future<ObjectNode> of(LedgerFilter filter) {
    Map<String, Aggregation> metrics = new LinkedHashMap<>();
    metrics.put("turnover", sum("turnoverCents"));
    metrics.put("declared", sum("taxTotalCents"));
    metrics.put(
        "declaredParcels", Aggregation.of(a -> a.valueCount(v -> v.field("taxTotalCents"))));
    metrics.put("computed", sum("taxComputedCents"));
    metrics.put(
        "below",
        Aggregation.of(
            a ->
                a.filter(f -> f.range(r -> r.number(n -> n.field("taxDifferenceCents").lt(0.0))))));
    return buckets
        .all(filter.index(), filter.query(), GROUPS, metrics)
        .map(found -> render(filter, found));
  }

  private static Aggregation sum(String field) {
    return Aggregation.of(a -> a.sum(s -> s.field(field)));
  }

  static ObjectNode render(LedgerFilter filter, List<CompositeBucket> found) {
    Map<String, Month> months = new LinkedHashMap<>();
    for (String m : filter.range().months()) months.put(m, new Month());
    for (CompositeBucket b : found) {
      Month m = months.get(CompositeBuckets.key(b, "month"));
      if (m == null) continue; // a month outside the range cannot match the range filter
      if ("true".equals(CompositeBuckets.key(b, "exemptRetailExport"))) {
        m.exportParcels += b.docCount();
        m.exportTurnover += CompositeBuckets.sum(b, "turnover");
      }
      if ("true".equals(CompositeBuckets.key(b, "retailImport"))) {
        m.importParcels += b.docCount();
        m.declared += CompositeBuckets.sum(b, "declared");
        m.declaredParcels += CompositeBuckets.count(b, "declaredParcels");
        m.computed += CompositeBuckets.sum(b, "computed");
        m.below += CompositeBuckets.filtered(b, "below");
      }
    }
    ObjectNode out = Json.mapper().createObjectNode();
    out.put("code", filter.code());
    out.put("from", filter.range().from().toString());
    out.put("to", filter.range().to().toString());
    out.put("timeZone", CebTime.CHINA.getId());
    ArrayNode rows = out.putArray("months");
    Month total = new Month();
    long totalIncome = 0;
    long totalTax = 0;
    for (Map.Entry<String, Month> e : months.entrySet()) {
      Month m = e.getValue();
      total.add(m);
      DeemedIncomeTax deemed = DeemedIncomeTax.of(m.exportTurnover);
      totalIncome += deemed.taxableIncomeCents();
      totalTax += deemed.taxCents();
      ObjectNode row = rows.addObject();
      row.put("month", e.getKey());
      exports(row.putObject("retailExport"), m, deemed);
      imports(row.putObject("retailImport"), m);
    }
    ObjectNode totals = out.putObject("totals");
    // Sums of the months: each month is declared on its own, rounded on its own.
    exports(totals.putObject("retailExport"), total, new DeemedIncomeTax(totalIncome, totalTax));
    imports(totals.putObject("retailImport"), total);
    ObjectNode basis = out.putObject("basis");
    basis.put("taxableIncomeRate", DeemedIncomeTax.TAXABLE_INCOME_RATE);
    basis.put("incomeTaxRate", DeemedIncomeTax.INCOME_TAX_RATE);
    basis.put("comprehensiveTaxRate", ComprehensiveTax.DEFAULT.rate());
    basis.put(
        "rounding",
        "deemed taxable income = turnover x 4% and income tax = turnover x 4% x 25%, each rounded"
            + " half-up to the cent once per month from the exact turnover; totals are the sums"
            + " of the months. Comprehensive tax per parcel = (goods + freight + insurance) x"
            + " rate, half-up to the cent, as the TAX_BELOW_COMPUTED rule computes it.");
    ArrayNode sources = out.putArray("sources");
    source(
        sources,
        "months[].retailExport",
        filter,
        "sum(turnoverCents) per month",
        "exemptRetailExport = true (direction E, tradeMode 9610)");
    source(
        sources,
        "months[].retailImport",
        filter,
        "sum(taxTotalCents), sum(taxComputedCents), count(taxDifferenceCents < 0) per month",
        "retailImport = true (direction I, tradeMode 9610 or 1210)");
    return out;
  }

  private static void exports(ObjectNode o, Month m, DeemedIncomeTax deemed) {
    o.put("parcels", m.exportParcels);
    cents(o, "turnover", m.exportTurnover);
    cents(o, "deemedTaxableIncome", deemed.taxableIncomeCents());
    cents(o, "deemedIncomeTax", deemed.taxCents());
  }

  private static void imports(ObjectNode o, Month m) {
    o.put("parcels", m.importParcels);
    o.put("parcelsWithoutDeclaredTax", m.importParcels - m.declaredParcels);
    o.put("parcelsBelowComputed", m.below);
    cents(o, "declaredTax", m.declared);
    cents(o, "computedTax", m.computed);
    cents(o, "difference", m.declared - m.computed);
  }

  /** An amount as exact cents and as yuan. */
  static void cents(ObjectNode o, String name, long cents) {
    o.put(name + "Cents", cents);
    o.put(name + "Cny", cents / 100.0);
  }

  static void source(
      ArrayNode sources, String figures, LedgerFilter filter, String aggregation, String more) {
    ObjectNode s = sources.addObject();
    s.put("figures", figures);
    s.put("index", filter.index());
    s.put("filter", filter.describe(more));
    s.put("aggregation", aggregation + " (composite aggregation, every page)");
  }
}
