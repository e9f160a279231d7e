package io.sanliu.model.events;

import io.sanliu.model.privacy.PersonalField;
import java.time.Instant;

/**
 * A consumer's evaluation of an order, forwarded by the platform.
 *
 * @param score 1 (worst) to 5 (best)
 * @param complaint whether the consumer filed a complaint
 */
public record Evaluation(
    String evaluationId,
    String ebpCode,
    String orderNo,
    String ebcCode,
    PersonalField buyerId,
    int score,
    boolean complaint,
    String category,
    String comment,
    Instant evaluatedAt)
    implements BusinessEvent {

  @Override
  public String businessKey() {
    return DocumentKeys.order(ebpCode, orderNo);
  }

  @Override
  public Instant eventTime() {
    return evaluatedAt;
  }
}
