package io.sanliu.jobs.risk;

import io.sanliu.model.credit.CreditGradeChange;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.simulation.NegativeListEntry;

/**
 * One piece of what every rule stream is broadcast: a rule definition from the control topic, a
 * negative-list entry, a goods filing or a participant's credit grade change. Exactly one is set.
 */
public record ReferenceUpdate(
    RuleDefinition rule, NegativeListEntry negative, GoodsFiling filing, CreditGradeChange grade) {

  public static ReferenceUpdate of(RuleDefinition rule) {
    return new ReferenceUpdate(rule, null, null, null);
  }

  public static ReferenceUpdate of(NegativeListEntry entry) {
    return new ReferenceUpdate(null, entry, null, null);
  }

  public static ReferenceUpdate of(GoodsFiling filing) {
    return new ReferenceUpdate(null, null, filing, null);
  }

  public static ReferenceUpdate of(CreditGradeChange grade) {
    return new ReferenceUpdate(null, null, null, grade);
  }

  /** The key under which a filing is looked up from an order line. */
  public static String filingKey(String ebcCode, String itemNo) {
    return ebcCode + ":" + itemNo;
  }

  /**
   * Whether every rule family needs this (rules and grades), rather than only those that read goods
   * filings or the negative list.
   */
  public boolean everyFamilyReads() {
    return rule != null || grade != null;
  }

  boolean filingDeleted() {
    return filing != null && filing.appType() == AppType.DELETE;
  }
}
