package io.sanliu.api.alerts;

import static io.sanliu.model.risk.AlertStatus.ACKNOWLEDGED;
import static io.sanliu.model.risk.AlertStatus.CLOSED_FALSE_POSITIVE;
import static io.sanliu.model.risk.AlertStatus.CLOSED_TRUE_POSITIVE;
import static io.sanliu.model.risk.AlertStatus.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sanliu.api.ApiProblem;
import org.junit.jupiter.api.Test;

class ReviewActionTest {
  static final ReviewRequest TP =
      new ReviewRequest(null, ReviewRequest.Outcome.TRUE_POSITIVE, null);
  static final ReviewRequest FP =
      new ReviewRequest(null, ReviewRequest.Outcome.FALSE_POSITIVE, null);
  static final ReviewRequest ALICE = new ReviewRequest("alice", null, null);

  @Test
  void openThenAcknowledgedThenClosed() {
    assertEquals(ACKNOWLEDGED, ReviewAction.ACKNOWLEDGE.next(OPEN, ALICE));
    assertEquals(CLOSED_TRUE_POSITIVE, ReviewAction.CLOSE.next(ACKNOWLEDGED, TP));
    assertEquals(CLOSED_FALSE_POSITIVE, ReviewAction.CLOSE.next(ACKNOWLEDGED, FP));
  }

  @Test
  void assigningKeepsTheStatusUntilClosed() {
    assertEquals(OPEN, ReviewAction.ASSIGN.next(OPEN, ALICE));
    assertEquals(ACKNOWLEDGED, ReviewAction.ASSIGN.next(ACKNOWLEDGED, ALICE));
    assertEquals(
        409,
        assertThrows(ApiProblem.class, () -> ReviewAction.ASSIGN.next(CLOSED_TRUE_POSITIVE, ALICE))
            .status());
  }

  @Test
  void everyOtherTransitionIsAConflict() {
    assertEquals(
        409, assertThrows(ApiProblem.class, () -> ReviewAction.CLOSE.next(OPEN, TP)).status());
    assertEquals(
        409,
        assertThrows(ApiProblem.class, () -> ReviewAction.ACKNOWLEDGE.next(ACKNOWLEDGED, TP))
            .status());
    assertEquals(
        409,
        assertThrows(
                ApiProblem.class, () -> ReviewAction.ACKNOWLEDGE.next(CLOSED_FALSE_POSITIVE, TP))
            .status());
    assertEquals(
        409,
        assertThrows(ApiProblem.class, () -> ReviewAction.CLOSE.next(CLOSED_TRUE_POSITIVE, FP))
            .status());
  }
}
