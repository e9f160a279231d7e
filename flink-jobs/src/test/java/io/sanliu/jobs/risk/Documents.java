package io.sanliu.jobs.risk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.credit.CreditFactor;
import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Test documents: variants of the samples, envelopes, rule definitions. */
public final class Documents {
  private Documents() {}

  /** A copy of {@code document} with fields changed through its JSON form. */
  public static <T> T changed(T document, Consumer<ObjectNode> change) {
    ObjectNode json = Json.mapper().valueToTree(document);
    change.accept(json);
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) document.getClass();
    return Json.mapper().convertValue(json, type);
  }

  public static <T extends BusinessEvent> Envelope<T> envelope(EventType type, T payload) {
    return Envelope.of(type, "test", "guid-" + payload.businessKey(), Instant.now(), payload);
  }

  /** The shipped definition of {@code ruleId}. */
  public static RuleDefinition shipped(String ruleId) {
    return DefaultRules.all().stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .findFirst()
        .orElseThrow();
  }

  /** The shipped definition with other parameters, as the next version. */
  public static RuleDefinition changedRule(String ruleId, Map<String, String> params) {
    return shipped(ruleId).withParams(params, "test", Instant.now());
  }

  /** A grade change of an enterprise, as the credit job publishes it. */
  public static CreditGradeChange gradeChange(
      String code, Grade from, Grade to, long revision, Instant at) {
    return new CreditGradeChange(
        code,
        List.of(Participant.ENTERPRISE),
        from,
        to,
        from != null && from.betterThan(to),
        to == Grade.D ? 40.0 : 60.0,
        70.0,
        CreditFactor.ALERTS,
        List.of(),
        revision,
        at);
  }
}
