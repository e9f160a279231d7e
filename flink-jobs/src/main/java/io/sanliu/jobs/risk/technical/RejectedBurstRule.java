package io.sanliu.jobs.risk.technical;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.jobs.risk.Spans;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.util.List;

/**
 * 异常报文激增: one sender's burst of at least {@code minRejected} refused documents, each within {@code
 * window} of the one before. Normal traffic is never refused. Every later refusal of the burst
 * updates the same alert (subject: sender and the burst's first guid) with all its guids.
 */
public final class RejectedBurstRule implements RiskRule<TechnicalContext> {
  @Override
  public RuleType type() {
    return RuleType.REJECTED_BURST;
  }

  @Override
  public List<Finding> evaluate(TechnicalContext c, RuleDefinition rule) {
    if (c.signal().kind() != TechnicalSignal.Kind.REFUSAL) return List.of();
    Burst b = c.burst(rule);
    long min = rule.count("minRejected");
    if (b == null || b.refusals() < min) return List.of();
    var window = rule.duration("window");
    Finding.Builder f = Finding.about(b.subject());
    b.guids().forEach(f::messageGuid);
    return List.of(
        f.enterprise(b.sender())
            .entity("sender", b.sender())
            .explain(
                "发送方 "
                    + b.sender()
                    + " 在 "
                    + Spans.zh(b.span())
                    + " 内被拒 "
                    + b.refusals()
                    + " 份报文，达到激增阈值 "
                    + min
                    + " 份（间隔不超过 "
                    + Spans.zh(window)
                    + "）",
                "sender "
                    + b.sender()
                    + ": "
                    + b.refusals()
                    + " documents refused within "
                    + Spans.en(b.span())
                    + " >= burst threshold "
                    + min
                    + " (gaps <= "
                    + Spans.en(window)
                    + ")")
            .evidence("refusals", b.refusals())
            .evidence("minRejected", min)
            .evidence("firstRefusedAt", b.start())
            .evidence("lastRefusedAt", b.last())
            .evidence("span", b.span())
            .evidence("window", window)
            .evidence("stage", c.signal().stage())
            .evidence("lastReason", b.lastReason())
            .score(Finding.excessScore(b.refusals(), min, false))
            .at(b.start())
            .ingestedAt(c.signal().time())
            .build());
  }
}
