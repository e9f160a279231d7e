package io.sanliu.model.risk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A risk officer's verdict on an alert, published on {@code sanliu.alert-reviews} (key: the alert
 * id) when the API closes it, so that the credit job can weigh the alert by how it turned out. It
 * names the alert's subjects as the alert does (enterprise, orders, waybills) and the reviewer's
 * role only: no person, no comment.
 *
 * @param outcome {@link AlertStatus#CLOSED_TRUE_POSITIVE} or {@link
 *     AlertStatus#CLOSED_FALSE_POSITIVE}
 * @param shadow the alert was raised by a rule in shadow mode (the credit job ignores those)
 * @param orderKeys {@code ebpCode:orderNo} of the orders the alert names
 * @param waybillKeys {@code logisticsCode:logisticsNo} of the waybills the alert names
 * @param alertTime the alert's own event time
 * @param reviewedAt when it was closed
 * @param reviewerRole the role that closed it ({@code risk_officer}, {@code admin})
 */
public record AlertReview(
    String alertId,
    String ruleId,
    RuleType ruleType,
    AlertStatus outcome,
    boolean shadow,
    String enterpriseCode,
    List<String> orderKeys,
    List<String> waybillKeys,
    Instant alertTime,
    Instant reviewedAt,
    String reviewerRole) {

  public AlertReview {
    Objects.requireNonNull(alertId, "alertId");
    Objects.requireNonNull(reviewedAt, "reviewedAt");
    if (outcome != AlertStatus.CLOSED_TRUE_POSITIVE
        && outcome != AlertStatus.CLOSED_FALSE_POSITIVE) {
      throw new IllegalArgumentException("a review closes an alert; outcome was " + outcome);
    }
    orderKeys = orderKeys == null ? List.of() : List.copyOf(orderKeys);
    waybillKeys = waybillKeys == null ? List.of() : List.copyOf(waybillKeys);
  }

  public String key() {
    return alertId;
  }
}
