package io.sanliu.jobs.risk.technical;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.jobs.risk.Spans;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.util.List;

/**
 * 报文重放: a message sent again under a guid the gateway had accepted (it refuses the copy), or a
 * record guid published a second time within {@code window} of the first. Normal senders send each
 * guid once.
 */
public final class ReplayedMessageRule implements RiskRule<TechnicalContext> {
  /** A replay is a replay: how late it came says nothing of how bad it is. */
  static final double SCORE = 70;

  @Override
  public RuleType type() {
    return RuleType.REPLAYED_MESSAGE;
  }

  @Override
  public List<Finding> evaluate(TechnicalContext c, RuleDefinition rule) {
    TechnicalSignal s = c.signal();
    return switch (s.kind()) {
      case REPLAY -> List.of(replayedMessage(s));
      case RECORD -> replayedRecord(c, rule);
      case REFUSAL -> List.of();
    };
  }

  private static Finding replayedMessage(TechnicalSignal s) {
    return base(s)
        .explain(
            "发送方 " + s.sender() + " 重复发送已受理的报文 " + s.guid() + "，网关拒收未再发布",
            "sender " + s.sender() + " sent accepted message " + s.guid() + " again: refused")
        .evidence("form", "same message guid")
        .evidence("stage", s.stage())
        .evidence("reason", s.reason())
        .evidence("rejectedAt", s.time())
        .evidence(
            "recordGuids", s.recordGuids().isEmpty() ? null : String.join(",", s.recordGuids()))
        .build();
  }

  private static List<Finding> replayedRecord(TechnicalContext c, RuleDefinition rule) {
    if (c.earlier() == null) return List.of();
    TechnicalSignal s = c.signal();
    Duration window = rule.duration("window");
    Duration gap = Duration.between(c.earlier().firstSeenAt(), s.time()).abs();
    if (gap.compareTo(window) > 0) return List.of();
    int sightings = c.earlier().sightings() + 1;
    return List.of(
        base(s)
            .explain(
                "记录 "
                    + s.guid()
                    + " 首次出现 "
                    + Spans.zh(gap)
                    + " 后第 "
                    + sightings
                    + " 次发布，在 "
                    + Spans.zh(window)
                    + " 去重窗口内",
                "record "
                    + s.guid()
                    + " published "
                    + sightings
                    + " times, again "
                    + Spans.en(gap)
                    + " after the first (window "
                    + Spans.en(window)
                    + ")")
            .evidence("form", "same record guid")
            .evidence("recordType", s.recordType())
            .evidence("businessKey", s.businessKey())
            .evidence("firstSeenAt", c.earlier().firstSeenAt())
            .evidence("seenAgainAt", s.time())
            .evidence("gap", gap)
            .evidence("window", window)
            .evidence("sightings", sightings)
            .build());
  }

  private static Finding.Builder base(TechnicalSignal s) {
    Finding.Builder b =
        Finding.about(s.guid())
            .messageGuid(s.guid())
            .orders(s.orderKeys())
            .enterprise(s.sender())
            .score(SCORE)
            .at(s.time())
            .ingestedAt(s.time());
    s.waybillKeys().forEach(b::waybill);
    return b;
  }
}
