package io.sanliu.model.credit;

/** The factors of the scorecard; docs/credit.md gives each one's formula and weight. */
public enum CreditFactor {
  VERIFIED_TURNOVER("核验贸易额", "verified turnover (365 days)"),
  MATCH_RATE("三单比对相符率", "three-document match rate"),
  INSPECTION_RATE("查验率", "customs inspection rate"),
  RETURN_RATE("退单率", "customs return rate"),
  ALERTS("风险预警", "risk alerts by severity and review outcome"),
  EVALUATIONS("消费评价与投诉", "consumer evaluations and complaints"),
  NEGATIVE_LIST("负面清单", "negative list history");

  private final String nameZh;
  private final String nameEn;

  CreditFactor(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }
}
