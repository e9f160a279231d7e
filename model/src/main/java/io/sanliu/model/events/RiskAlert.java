package io.sanliu.model.events;

import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert raised by a risk rule.
 *
 * @param alertId deterministic (rule id + what it is about) so that a replay, or the same finding
 *     seen again with more evidence, replaces the alert instead of duplicating it
 * @param ruleVersion the version of the rule definition that raised it
 * @param score 0-100: how far beyond the rule's threshold the finding is
 * @param status {@link AlertStatus#OPEN} when raised; the review lifecycle is the API's
 * @param shadow raised by a rule in shadow mode: recorded, not shown as live
 * @param orderKeys {@code ebpCode:orderNo} of the orders involved
 * @param waybillKeys {@code logisticsCode:logisticsNo} of the waybills involved
 * @param enterpriseCode the enterprise (or sending participant) involved
 * @param messageGuids message or record guids involved (replays, refused input)
 * @param entityKeys other subjects by role, personal ones as keyed hashes only (e.g. {@code buyer},
 *     {@code address})
 * @param explanationZh one-line explanation shown in the console, in Chinese
 * @param explanationEn the same in English
 * @param evidence the compared values and documents that made the rule fire (personal values
 *     masked)
 * @param eventTime event time of the fact that raised it
 * @param detectedAt when the engine raised it
 * @param sourceIngestTime when the gateway took in the document that raised it (for latency)
 */
public record RiskAlert(
    String alertId,
    String ruleId,
    int ruleVersion,
    RuleType ruleType,
    String ruleNameZh,
    String ruleNameEn,
    Severity severity,
    double score,
    AlertStatus status,
    boolean shadow,
    List<String> orderKeys,
    List<String> waybillKeys,
    String enterpriseCode,
    List<String> messageGuids,
    Map<String, String> entityKeys,
    String explanationZh,
    String explanationEn,
    Map<String, String> evidence,
    Instant eventTime,
    Instant detectedAt,
    Instant sourceIngestTime)
    implements BusinessEvent {

  public RiskAlert {
    orderKeys = orderKeys == null ? List.of() : List.copyOf(orderKeys);
    waybillKeys = waybillKeys == null ? List.of() : List.copyOf(waybillKeys);
    messageGuids = messageGuids == null ? List.of() : List.copyOf(messageGuids);
    entityKeys =
        entityKeys == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(entityKeys));
    evidence =
        evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  /** Evidence key: the severity the rule gave before the risk engine raised it for credit. */
  public static final String SEVERITY_RAISED_FROM = "severityRaisedFrom";

  @Override
  public String businessKey() {
    return alertId;
  }

  /** The same alert with another severity and evidence. */
  public RiskAlert with(Severity newSeverity, Map<String, String> newEvidence) {
    return new RiskAlert(
        alertId,
        ruleId,
        ruleVersion,
        ruleType,
        ruleNameZh,
        ruleNameEn,
        newSeverity,
        score,
        status,
        shadow,
        orderKeys,
        waybillKeys,
        enterpriseCode,
        messageGuids,
        entityKeys,
        explanationZh,
        explanationEn,
        newEvidence,
        eventTime,
        detectedAt,
        sourceIngestTime);
  }

  /** The severity its rule gave: before any raise for the enterprise's credit grade. */
  public Severity ruleSeverity() {
    String from = evidence.get(SEVERITY_RAISED_FROM);
    return from == null ? severity : Severity.valueOf(from);
  }
}
