package io.sanliu.model.credit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradePolicyTest {
  final GradePolicy policy = new GradePolicy(2);

  @Test
  void gradeThresholdsAreTheDocumentedLowerBounds() {
    assertEquals(Grade.A, Grade.of(88));
    assertEquals(Grade.B, Grade.of(87.99));
    assertEquals(Grade.B, Grade.of(72));
    assertEquals(Grade.C, Grade.of(71.99));
    assertEquals(Grade.C, Grade.of(55));
    assertEquals(Grade.D, Grade.of(54.99));
    assertEquals(Grade.D, Grade.of(0));
  }

  @Test
  void theFirstGradeIsThePlainGradeOfTheScore() {
    assertEquals(Grade.B, policy.next(null, 72.1));
    assertEquals(Grade.C, policy.next(null, 71.9));
  }

  @Test
  void aScoreWanderingAroundABoundKeepsTheGrade() {
    Grade g = Grade.B;
    for (double s : new double[] {71.5, 72.5, 70.1, 73.9, 71.0}) {
      g = policy.next(g, s);
      assertEquals(Grade.B, g, "at " + s);
    }
  }

  @Test
  void aDowngradeNeedsTheScorePastTheBoundByTheMargin() {
    assertEquals(Grade.B, policy.next(Grade.B, 70.01));
    assertEquals(Grade.C, policy.next(Grade.B, 69.99));
    assertEquals(Grade.D, policy.next(Grade.B, 40));
  }

  @Test
  void anUpgradeNeedsTheScorePastTheBoundByTheMargin() {
    assertEquals(Grade.C, policy.next(Grade.C, 73.99));
    assertEquals(Grade.B, policy.next(Grade.C, 74));
    assertEquals(Grade.A, policy.next(Grade.C, 95));
    // Past A's bound but not by the margin: one step, to B.
    assertEquals(Grade.B, policy.next(Grade.C, 89));
  }

  @Test
  void withoutMarginTheGradeFollowsTheScore() {
    assertEquals(Grade.C, new GradePolicy(0).next(Grade.B, 71.99));
    assertThrows(IllegalArgumentException.class, () -> new GradePolicy(-1));
  }

  @Test
  void betterGradesSuggestFewerInspections() {
    for (int i = 1; i < Grade.values().length; i++) {
      Grade better = Grade.values()[i - 1];
      Grade worse = Grade.values()[i];
      assertEquals(true, better.betterThan(worse));
      assertEquals(
          true, better.suggestedInspectionRate() < worse.suggestedInspectionRate(), better + "");
    }
  }
}
