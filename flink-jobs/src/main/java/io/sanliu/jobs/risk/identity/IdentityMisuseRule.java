package io.sanliu.jobs.risk.identity;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.jobs.risk.Spans;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * 身份信息冒用: one address, telephone or payer linked to {@code minDistinct} or more buyer IDs (or one
 * buyer ID to as many addresses) within {@code window}, the rule's {@code dimension} saying which.
 * One alert per shared subject, growing as more identities and orders join it; it names the orders
 * of every linked identity.
 */
public final class IdentityMisuseRule implements RiskRule<IdentityContext> {
  @Override
  public RuleType type() {
    return RuleType.IDENTITY_MISUSE;
  }

  @Override
  public List<Finding> evaluate(IdentityContext c, RuleDefinition rule) {
    IdentityLink link = c.link();
    IdentityDimension dimension = IdentityDimension.valueOf(rule.parameter("dimension"));
    if (link.dimension() != dimension) return List.of();
    long minDistinct = rule.count("minDistinct");
    Duration window = rule.duration("window");
    Instant from = link.eventTime().minus(window);
    List<LinkedIdentity> recent =
        c.linked().stream().filter(l -> !l.lastSeen().isBefore(from)).toList();
    if (recent.size() < minDistinct) return List.of();
    Instant first = recent.get(0).firstSeen();
    Instant last = recent.stream().map(LinkedIdentity::lastSeen).max(Instant::compareTo).get();
    Finding.Builder f = Finding.about(c.subjectKey());
    recent.forEach(l -> f.orders(l.orderKeys()));
    int orders = recent.stream().mapToInt(l -> l.orderKeys().size()).sum();
    String days = Spans.zh(window);
    return List.of(
        f.enterprise(link.ebcCode())
            .entity(dimension.role(), link.subjectHash())
            .explain(
                dimension.subjectZh()
                    + " "
                    + days
                    + "内关联 "
                    + recent.size()
                    + " "
                    + dimension.linkedZh()
                    + "（阈值 "
                    + minDistinct
                    + "）",
                dimension.subjectEn()
                    + " linked to "
                    + recent.size()
                    + " "
                    + dimension.linkedEn()
                    + " within "
                    + Spans.en(window)
                    + " (threshold "
                    + minDistinct
                    + ")")
            .evidence("dimension", dimension)
            .evidence("distinct", recent.size())
            .evidence("minDistinct", minDistinct)
            .evidence("window", window)
            .evidence("orders", orders)
            .evidence("firstSeen", first)
            .evidence("lastSeen", last)
            .score(Finding.excessScore(recent.size(), minDistinct, false))
            .at(first)
            .ingestedAt(link.ingestTime())
            .build());
  }
}
