package io.sanliu.jobs.risk.shipment;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.jobs.risk.Spans;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.util.List;

/**
 * 出口已付未发, the shipment half: an export declared by a customs list naming the waybill, and no
 * tracking event at all {@code within} the declaration. The parcel family's half (no waybill nor
 * list) alerts under the same subject, the order key, so one export gives one alert.
 */
public final class ExportNotMovedRule implements RiskRule<ShipmentContext> {
  @Override
  public RuleType type() {
    return RuleType.EXPORT_NOT_SHIPPED;
  }

  @Override
  public List<Finding> evaluate(ShipmentContext c, RuleDefinition rule) {
    Shipment s = c.shipment();
    if (!s.exportDeclared() || s.trackingEvents() > 0 || c.alreadyRaised(rule)) return List.of();
    Duration within = rule.duration("within");
    Duration since = c.sinceDeclaration();
    if (since.compareTo(within) < 0) return List.of();
    return List.of(
        Finding.about(s.orderKey())
            .order(s.orderKey())
            .waybill(c.waybillKey())
            .enterprise(s.ebcCode())
            .explain(
                "出口订单 "
                    + s.orderKey()
                    + " 清单申报后 "
                    + Spans.zh(since)
                    + " 仍无物流轨迹，超过发运期限 "
                    + Spans.zh(within),
                "export "
                    + s.orderKey()
                    + " declared "
                    + Spans.en(since)
                    + " ago, no tracking event > due within "
                    + Spans.en(within))
            .evidence("declTime", s.declTime())
            .evidence("sinceDeclaration", since)
            .evidence("within", within)
            .evidence("trackingEvents", s.trackingEvents())
            .evidence("tradeMode", s.tradeMode() == null ? null : s.tradeMode().code())
            .score(Finding.excessScore(since.toMillis(), within.toMillis(), false))
            .at(s.declTime())
            .ingestedAt(s.listIngestTime())
            .build());
  }
}
