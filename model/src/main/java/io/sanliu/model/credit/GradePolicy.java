package io.sanliu.model.credit;

/**
 * Grade changes with hysteresis: a participant moves to another grade only when its score is past
 * that grade's bound by {@code margin} points, so a score that wanders around a bound does not make
 * the grade flip back and forth. Entering the worst grade needs the same margin.
 *
 * @param margin points beyond a bound a score must reach to change the grade (0: none)
 */
public record GradePolicy(double margin) {

  public GradePolicy {
    if (margin < 0 || Double.isNaN(margin)) {
      throw new IllegalArgumentException("margin must be >= 0, not " + margin);
    }
  }

  /** The grade after {@code score}, for a participant that holds {@code current} (null: none). */
  public Grade next(Grade current, double score) {
    Grade plain = Grade.of(score);
    if (current == null || plain == current) return current == null ? plain : current;
    if (plain.betterThan(current)) {
      // Up: the best grade whose bound the score passes by the margin (at least one step).
      Grade up = Grade.of(score - margin);
      return up.betterThan(current) ? up : current;
    }
    // Down: the grade of the score plus the margin, when that is below the current one.
    Grade down = Grade.of(score + margin);
    return current.betterThan(down) ? down : current;
  }
}
