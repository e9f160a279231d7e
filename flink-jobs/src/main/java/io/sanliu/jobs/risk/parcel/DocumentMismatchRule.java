package io.sanliu.jobs.risk.parcel;

import io.sanliu.jobs.matching.FieldCheck;
import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 三单不符: a parcel's documents state different values for the same thing (amount paid, currency,
 * consignee, list lines...). Left to other rules: the payer check (支付人非订购人, 出口境内支付) and weights
 * (重量不符). A check with a value absent on one side is no disagreement: export orders (CEB303) name
 * no buyer or consignee, so their person checks have nothing to compare.
 */
public final class DocumentMismatchRule implements RiskRule<ParcelContext> {
  /** The payer check: its own rules judge it. */
  static final String PAYER_CHECK = "payerId=buyerId";

  /** Shown at most in an explanation line; the evidence has them all. */
  private static final int EXPLAINED = 3;

  private static final Map<String, String> ZH =
      Map.of("order", "订单", "payment", "支付单", "waybill", "运单", "list", "清单");

  @Override
  public RuleType type() {
    return RuleType.DOCUMENT_MISMATCH;
  }

  @Override
  public List<Finding> evaluate(ParcelContext c, RuleDefinition rule) {
    List<FieldCheck> differ = disagreements(c);
    if (differ.isEmpty()) return List.of();
    String subject = c.orderKey() != null ? c.orderKey() : c.outcome().parcelKey();
    Finding.Builder f =
        Finding.about(subject)
            .order(c.orderKey())
            .waybill(c.waybillKey())
            .enterprise(c.enterpriseCode())
            .entity("buyer", c.buyerHash())
            .explain(
                "三单不符 "
                    + differ.size()
                    + " 项："
                    + differ.stream()
                        .limit(EXPLAINED)
                        .map(DocumentMismatchRule::zh)
                        .collect(Collectors.joining("；")),
                differ.size()
                    + " document comparison(s) fail: "
                    + differ.stream()
                        .limit(EXPLAINED)
                        .map(DocumentMismatchRule::en)
                        .collect(Collectors.joining("; ")))
            .score(Math.min(100, 50 + 10 * differ.size()))
            .at(oddDocumentTime(c, differ.get(0)));
    for (FieldCheck check : differ) {
      f.evidence(check.documents() + " " + check.field(), check.left() + " ≠ " + check.right());
    }
    f.evidence("status", c.status());
    return List.of(f.build());
  }

  /** The failed checks this rule owns: both values there, not the payer, not a weight. */
  static List<FieldCheck> disagreements(ParcelContext c) {
    return c.result().failures().stream()
        .filter(check -> !PAYER_CHECK.equals(check.field()))
        .filter(check -> !check.field().toLowerCase(Locale.ROOT).contains("weight"))
        .filter(check -> check.left() != null && check.right() != null)
        .toList();
  }

  private static String zh(FieldCheck check) {
    String[] docs = check.documents().split("/");
    String names =
        docs.length == 2
            ? ZH.getOrDefault(docs[0], docs[0]) + "/" + ZH.getOrDefault(docs[1], docs[1])
            : check.documents();
    return names + " " + check.field() + " " + check.left() + " ≠ " + check.right();
  }

  private static String en(FieldCheck check) {
    return check.field() + " (" + check.documents() + ") " + check.left() + " vs " + check.right();
  }

  /**
   * When the disagreeing document came: the first one a check names that is not the order (the
   * order is the reference the others are compared with).
   */
  static Instant oddDocumentTime(ParcelContext c, FieldCheck check) {
    for (String name : check.documents().split("/")) {
      BusinessEvent doc =
          switch (name) {
            case "payment" -> c.payment();
            case "waybill" -> c.waybill();
            case "list" -> c.list();
            default -> null;
          };
      if (doc != null && doc.eventTime() != null) return doc.eventTime();
    }
    return c.order() != null ? c.order().eventTime() : latest(c);
  }

  private static Instant latest(ParcelContext c) {
    Instant t = null;
    for (BusinessEvent d : new BusinessEvent[] {c.payment(), c.waybill(), c.list()}) {
      if (d != null && d.eventTime() != null && (t == null || d.eventTime().isAfter(t))) {
        t = d.eventTime();
      }
    }
    return t;
  }
}
