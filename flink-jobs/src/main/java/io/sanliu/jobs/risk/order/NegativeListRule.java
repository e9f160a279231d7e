package io.sanliu.jobs.risk.order;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import io.sanliu.model.simulation.NegativeListEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * 负面清单命中: an order of a listed enterprise, holding listed goods, or with goods from a listed
 * partner country; an entry taken off the list covers the orders placed before its removal.
 */
public final class NegativeListRule implements RiskRule<OrderContext> {
  @Override
  public RuleType type() {
    return RuleType.NEGATIVE_LIST;
  }

  @Override
  public List<Finding> evaluate(OrderContext c, RuleDefinition rule) {
    List<NegativeListEntry> hits = new ArrayList<>();
    String ebc = c.order().ebcCode();
    for (NegativeListEntry e : c.negativeList()) {
      if (!e.inForceAt(c.order().eventTime())) continue; // removed before the order
      if (e.subject() == NegativeListEntry.Subject.ENTERPRISE && e.covers(ebc, null, null)) {
        hits.add(e);
      } else if (c.order().items() != null) {
        for (OrderItem item : c.order().items()) {
          if (e.covers(ebc, null, item.itemNo()) || e.coversCountry(item.country())) {
            hits.add(e);
            break;
          }
        }
      }
    }
    if (hits.isEmpty()) return List.of();
    NegativeListEntry first = hits.get(0);
    String what =
        switch (first.subject()) {
          case ENTERPRISE -> "enterprise " + first.enterpriseCode();
          case GOODS -> "goods " + (first.itemNo() != null ? first.itemNo() : first.itemRecordNo());
          case COUNTRY -> "partner country " + first.country();
        };
    String whatZh =
        switch (first.subject()) {
          case ENTERPRISE -> "企业 " + first.enterpriseCode();
          case GOODS -> "商品 " + (first.itemNo() != null ? first.itemNo() : first.itemRecordNo());
          case COUNTRY -> "贸易国别 " + first.country();
        };
    return List.of(
        Finding.about(c.orderKey())
            .order(c.orderKey())
            .enterprise(ebc)
            .explain(
                whatZh + " 在负面清单上（" + first.reason() + "）",
                what + " is on the negative list (" + first.entryId() + ")")
            .evidence(
                "entryIds",
                String.join(",", hits.stream().map(NegativeListEntry::entryId).toList()))
            .evidence("subject", first.subject())
            .evidence("reason", first.reason())
            .evidence("listedBy", first.listedBy())
            .score(first.subject() == NegativeListEntry.Subject.ENTERPRISE ? 90 : 75)
            .at(c.order().eventTime())
            .ingestedAt(c.envelope().ingestTime())
            .build());
  }
}
