package io.sanliu.model.events;

import java.time.Instant;
import java.util.Map;

/**
 * An alert raised by a risk rule.
 *
 * @param alertId deterministic id (rule + keys + window) so that a replay does not duplicate it
 * @param explanationZh one-line explanation shown in the console, in Chinese
 * @param explanationEn the same in English
 * @param evidence the compared values and documents that made the rule fire
 * @param shadow raised by a rule in shadow mode: recorded, not shown as live
 */
public record RiskAlert(
    String alertId,
    String ruleId,
    String ruleNameZh,
    String ruleNameEn,
    Severity severity,
    String ebpCode,
    String orderNo,
    String enterpriseCode,
    String logisticsNo,
    String explanationZh,
    String explanationEn,
    Map<String, Object> evidence,
    boolean shadow,
    Instant detectedAt)
    implements BusinessEvent {

  @Override
  public String businessKey() {
    return alertId;
  }

  @Override
  public Instant eventTime() {
    return detectedAt;
  }
}
