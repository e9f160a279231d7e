package io.sanliu.jobs.risk;

import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Turns a rule's finding into an alert with a deterministic id. */
public final class RiskAlerts {
  private RiskAlerts() {}

  /**
   * The alert id: rule id and subject, hashed (the subject may hold a keyed hash of a person, and
   * ids show up in URLs). Not the version: a new version of a rule finding the same thing updates
   * the alert rather than adding one.
   */
  public static String alertId(String ruleId, String subject) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((ruleId + "|" + subject).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  public static RiskAlert raise(RuleDefinition rule, Finding f, Instant detectedAt) {
    return new RiskAlert(
        alertId(rule.ruleId(), f.subject()),
        rule.ruleId(),
        rule.version(),
        rule.type(),
        rule.type().nameZh(),
        rule.type().nameEn(),
        rule.severity(),
        f.score(),
        AlertStatus.OPEN,
        rule.shadow(),
        f.orderKeys(),
        f.waybillKeys(),
        f.enterpriseCode(),
        f.messageGuids(),
        f.entityKeys(),
        f.explanationZh(),
        f.explanationEn(),
        f.evidence(),
        f.eventTime(),
        detectedAt,
        f.sourceIngestTime());
  }
}
