package io.sanliu.jobs.risk.shipment;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.jobs.risk.Spans;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.util.List;

/**
 * 物流停滞: a parcel that moved at least once, not delivered nor returned, and silent for {@code
 * silence} since its latest tracking event. Normal parcels are never silent for more than 72 zone
 * hours between events.
 */
public final class StalledParcelRule implements RiskRule<ShipmentContext> {
  @Override
  public RuleType type() {
    return RuleType.STALLED_PARCEL;
  }

  @Override
  public List<Finding> evaluate(ShipmentContext c, RuleDefinition rule) {
    Shipment s = c.shipment();
    if (!s.tracked() || s.ended() || c.alreadyRaised(rule)) return List.of();
    Duration silence = rule.duration("silence");
    Duration silent = c.silentFor();
    if (silent.compareTo(silence) < 0) return List.of();
    return List.of(
        Finding.about(c.waybillKey())
            .waybill(c.waybillKey())
            .order(s.orderKey())
            .enterprise(s.ebcCode())
            .explain(
                "运单 "
                    + c.waybillKey()
                    + " 自最后状态「"
                    + statusZh(s.lastStatus())
                    + "」起 "
                    + Spans.zh(silent)
                    + " 无物流更新，超过停滞阈值 "
                    + Spans.zh(silence),
                "waybill "
                    + c.waybillKey()
                    + ": no tracking for "
                    + Spans.en(silent)
                    + " since "
                    + s.lastStatus()
                    + " > silence limit "
                    + Spans.en(silence))
            .evidence("lastStatus", s.lastStatus())
            .evidence("lastEventAt", s.lastEventAt())
            .evidence("silentFor", silent)
            .evidence("silence", silence)
            .evidence("trackingEvents", s.trackingEvents())
            .evidence("tradeMode", s.tradeMode() == null ? null : s.tradeMode().code())
            .score(Finding.excessScore(silent.toMillis(), silence.toMillis(), false))
            .at(s.lastEventAt())
            .ingestedAt(s.lastIngestTime())
            .build());
  }

  static String statusZh(LogisticsStatus status) {
    if (status == null) return "未知";
    return switch (status) {
      case PICKED_UP -> "已揽收";
      case DEPARTED -> "已发出";
      case ARRIVED -> "已到达";
      case CUSTOMS_CLEARANCE -> "清关中";
      case OUT_FOR_DELIVERY -> "派送中";
      case DELIVERED -> "已签收";
      case EXCEPTION -> "异常";
      case RETURNED -> "已退回";
    };
  }
}
