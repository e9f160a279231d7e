package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.EventType;
import io.sanliu.model.privacy.PersonalDataHasher;
import java.time.Instant;

/**
 * Reads a consumer's evaluation of an order, forwarded by the platform (not a CEB message; field
 * names are those of {@link Evaluation}, the buyer's ID under {@code buyerIdNumber} as in the
 * order). Required: {@code evaluationId}, {@code ebpCode}, {@code orderNo}, {@code score} (a whole
 * number 1 to 5), {@code complaint} ({@code true} or {@code false}, any case, JSON boolean or text;
 * not defaulted, so that a missing flag is not counted as "no complaint") and {@code evaluatedAt}.
 * The buyer's ID number is hashed and masked.
 */
public final class EvaluationReader implements DocumentReader<Evaluation> {
  private final PersonalDataHasher hasher;

  public EvaluationReader(PersonalDataHasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public EventType type() {
    return EventType.EVALUATION;
  }

  /** The platform forwards the evaluations of its own orders. */
  @Override
  public String participantCode(Evaluation evaluation) {
    return evaluation.ebpCode();
  }

  @Override
  public Result<Evaluation> read(JsonNode json) {
    if (json == null || !json.isObject()) return Result.notAnObject("an evaluation");
    FieldReader f = FieldReader.root(json);
    String ebpCode = f.requiredText("ebpCode");
    String orderNo = f.requiredText("orderNo");
    String evaluationId = f.requiredText("evaluationId");
    Integer score = f.requiredCode("score", ValueParsers.integer(1, 5));
    Boolean complaint = f.requiredCode("complaint", ValueParsers::bool);
    Instant evaluatedAt = f.requiredTime("evaluatedAt");
    Evaluation evaluation =
        new Evaluation(
            evaluationId,
            ebpCode,
            orderNo,
            f.optionalText("ebcCode"),
            hasher.idNumber(f.optionalText("buyerIdNumber")),
            score == null ? 0 : score,
            complaint != null && complaint,
            f.optionalText("category"),
            f.optionalText("comment"),
            evaluatedAt);
    String key = ebpCode == null || orderNo == null ? null : evaluation.businessKey();
    return Result.of(evaluation, key, f.errors());
  }
}
