package io.sanliu.jobs.risk;

import io.sanliu.model.credit.Grade;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.simulation.NegativeListEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The broadcast state every rule stream holds: rule definitions by id, negative-list entries by id,
 * goods filings by {@code ebcCode:itemNo}, credit grades by participant code.
 */
public final class ReferenceState {
  public static final MapStateDescriptor<String, RuleDefinition> RULES =
      new MapStateDescriptor<>(
          "risk-rules", Types.STRING, TypeInformation.of(RuleDefinition.class));
  public static final MapStateDescriptor<String, NegativeListEntry> NEGATIVE_LIST =
      new MapStateDescriptor<>(
          "negative-list", Types.STRING, TypeInformation.of(NegativeListEntry.class));
  public static final MapStateDescriptor<String, GoodsFiling> FILINGS =
      new MapStateDescriptor<>(
          "goods-filings", Types.STRING, TypeInformation.of(GoodsFiling.class));

  /** The latest grade of every graded participant (a zone's few thousand: small). */
  public static final MapStateDescriptor<String, Grade> GRADES =
      new MapStateDescriptor<>("credit-grades", Types.STRING, TypeInformation.of(Grade.class));

  private ReferenceState() {}

  /** Every descriptor, for {@code broadcast(...)}. */
  @SuppressWarnings("rawtypes")
  public static MapStateDescriptor[] descriptors() {
    return new MapStateDescriptor[] {RULES, NEGATIVE_LIST, FILINGS, GRADES};
  }

  /** Stores an update; returns whether the rules changed. */
  static boolean apply(
      ReferenceUpdate u,
      BroadcastState<String, RuleDefinition> rules,
      BroadcastState<String, NegativeListEntry> negative,
      BroadcastState<String, GoodsFiling> filings,
      BroadcastState<String, Grade> grades)
      throws Exception {
    if (u.rule() != null) {
      if (!u.rule().problems().isEmpty()) return false; // the API validates; a bad one is ignored
      if (RuleBook.supersedes(u.rule(), rules.get(u.rule().ruleId()))) {
        rules.put(u.rule().ruleId(), u.rule());
        return true;
      }
    } else if (u.negative() != null) {
      negative.put(u.negative().entryId(), u.negative());
    } else if (u.grade() != null) {
      // Changes of one participant arrive in revision order (keyed by code on the topic).
      grades.put(u.grade().code(), u.grade().to());
    } else if (u.filing() != null) {
      String key = ReferenceUpdate.filingKey(u.filing().ebcCode(), u.filing().itemNo());
      if (u.filingDeleted()) filings.remove(key);
      else filings.put(key, kept(u.filing()));
    }
    return false;
  }

  /**
   * What the rules read of a filing: its price, currency and record number (the undervaluation
   * evidence). Every subtask of the families that read filings keeps and checkpoints them all, and
   * names, models and units were most of their bytes.
   */
  static GoodsFiling kept(GoodsFiling f) {
    return new GoodsFiling(
        f.itemRecordNo(),
        f.ebcCode(),
        f.itemNo(),
        null,
        null,
        null,
        null,
        null,
        f.filedPrice(),
        f.currency(),
        f.appType(),
        f.filedAt());
  }

  static RuleBook rules(ReadOnlyBroadcastState<String, RuleDefinition> state) throws Exception {
    List<RuleDefinition> published = new ArrayList<>();
    for (Map.Entry<String, RuleDefinition> e : state.immutableEntries())
      published.add(e.getValue());
    return RuleBook.of(published);
  }
}
