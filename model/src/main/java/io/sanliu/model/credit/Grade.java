package io.sanliu.model.credit;

/**
 * A participant's credit grade (信用等级), from its score (0-100). The lower bound of each grade is
 * documented in docs/credit.md; {@link GradePolicy} adds hysteresis around them.
 */
public enum Grade {
  A(88, "高级认证", "highly trusted", 0.005),
  B(72, "一般信用", "ordinary", 0.02),
  C(55, "关注", "watched", 0.05),
  D(0, "失信", "untrusted", 0.2);

  private final double lowerBound;
  private final double suggestedInspectionRate;
  private final String nameZh;
  private final String nameEn;

  Grade(double lowerBound, String nameZh, String nameEn, double suggestedInspectionRate) {
    this.lowerBound = lowerBound;
    this.suggestedInspectionRate = suggestedInspectionRate;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  /** The lowest score of the grade. */
  public double lowerBound() {
    return lowerBound;
  }

  /**
   * The share of the participant's lists customs is advised to inspect (分类监管: higher credit, fewer
   * inspections).
   */
  public double suggestedInspectionRate() {
    return suggestedInspectionRate;
  }

  /**
   * Whether the grade's participants get priority handling at clearance (优先通关): the best grade
   * only, the seeds' "higher credit, more convenience".
   */
  public boolean priorityClearance() {
    return this == A;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** The grade of a score, without hysteresis: the best grade whose lower bound it reaches. */
  public static Grade of(double score) {
    for (Grade g : values()) {
      if (score >= g.lowerBound) return g;
    }
    return D;
  }

  /** Whether this grade is better than {@code other}. */
  public boolean betterThan(Grade other) {
    return ordinal() < other.ordinal();
  }
}
