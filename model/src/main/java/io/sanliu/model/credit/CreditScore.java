package io.sanliu.model.credit;

import java.util.List;

/**
 * A score and how it was made: the base plus each factor's points, clamped to 0-100.
 *
 * @param base the scorecard's starting points (a participant with no evidence at all)
 * @param contributions one per factor, in the scorecard's order
 */
public record CreditScore(double score, double base, List<Contribution> contributions) {

  public CreditScore {
    contributions = List.copyOf(contributions);
  }

  public Contribution of(CreditFactor factor) {
    return contributions.stream().filter(c -> c.factor() == factor).findFirst().orElseThrow();
  }
}
