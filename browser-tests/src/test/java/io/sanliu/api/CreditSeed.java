package io.sanliu.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.sanliu.model.credit.CreditAccount;
import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.CreditFact.Kind;
import io.sanliu.model.credit.CreditProfile;
import io.sanliu.model.credit.CreditUpdate;
import io.sanliu.model.credit.Decay;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.credit.GradePolicy;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.credit.Scorecard;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credit profiles written as the credit job writes them: each participant's facts fed to the
 * model's {@link CreditAccount} with the default scorecard and hysteresis, every update into {@code
 * sanliu-credit-history} and the last into {@code sanliu-credit}, through the platform's templates.
 * Times are in the year the caller picks, so that its downgrades are its own.
 */
final class CreditSeed {
  static final Scorecard SCORECARD = new Scorecard(new Decay(Duration.ofDays(90)));
  static final GradePolicy POLICY = new GradePolicy(2);

  /** A grade change to a worse grade, as the wall screen lists it. */
  record Downgrade(String code, Grade from, Grade to, Instant at) {
    static final Comparator<Downgrade> NEWEST_FIRST =
        Comparator.comparing(Downgrade::at).reversed().thenComparing(Downgrade::code);
  }

  private final Instant t0;

  /** Every participant written: its role and every update it made, oldest first. */
  final Map<String, Participant> roles = new LinkedHashMap<>();

  final Map<String, List<CreditUpdate>> updates = new LinkedHashMap<>();

  CreditSeed(Instant t0) {
    this.t0 = t0;
  }

  /** Twelve days of matched, released parcels with verified turnover: a good record. */
  List<CreditFact> good(String code, Participant role) {
    List<CreditFact> facts = new ArrayList<>();
    for (int d = 0; d < 12; d++) {
      Instant t = t0.plus(Duration.ofDays(d));
      for (int i = 0; i < 10; i++) {
        facts.add(CreditFact.of(code, role, Kind.PARCEL_MATCHED, t));
        facts.add(CreditFact.of(code, role, Kind.LIST_RELEASED, t));
        facts.add(CreditFact.verified(code, role, t, 20_000));
      }
    }
    return facts;
  }

  /**
   * {@code facts} followed by {@code alerts} alerts of {@code severity}, a day apart from a day.
   */
  List<CreditFact> alerted(
      List<CreditFact> facts, String code, Severity severity, int alerts, int fromDay) {
    List<CreditFact> out = new ArrayList<>(facts);
    for (int i = 0; i < alerts; i++) {
      out.add(
          CreditFact.alert(
              code,
              Participant.ENTERPRISE,
              t0.plus(Duration.ofDays(fromDay + i)),
              code + "-alert-" + fromDay + "-" + i,
              "PAYER_NOT_BUYER",
              severity));
    }
    return out;
  }

  /** {@code facts} followed by the enterprise's listing on the negative list on a day. */
  List<CreditFact> listed(List<CreditFact> facts, String code, int day) {
    List<CreditFact> out = new ArrayList<>(facts);
    out.add(CreditFact.negative(code, t0.plus(Duration.ofDays(day)), code + "-nl", false, "fake"));
    return out;
  }

  /** Parcels of which {@code failed} in {@code parcels} had documents that disagreed. */
  List<CreditFact> mismatching(String code, int parcels, int failed) {
    List<CreditFact> facts = new ArrayList<>();
    for (int i = 0; i < parcels; i++) {
      Kind kind = i < failed ? Kind.PARCEL_FAILED : Kind.PARCEL_MATCHED;
      facts.add(CreditFact.of(code, Participant.ENTERPRISE, kind, t0.plus(Duration.ofHours(i))));
    }
    return facts;
  }

  /** Feeds the facts to a fresh account, as the credit job does, and keeps every update. */
  CreditSeed account(String code, Participant role, List<CreditFact> facts) {
    CreditAccount account = new CreditAccount();
    List<CreditUpdate> made = new ArrayList<>();
    for (CreditFact f : facts) {
      CreditUpdate u = account.apply(code, f, SCORECARD, POLICY, f.time().plusSeconds(5));
      if (u != null) made.add(u);
    }
    roles.put(code, role);
    updates.put(code, made);
    return this;
  }

  CreditProfile last(String code) {
    List<CreditUpdate> u = updates.get(code);
    return u.get(u.size() - 1).profile();
  }

  /** The seeded participants of {@code role} per current grade. */
  Map<Grade, Long> grades(Participant role) {
    Map<Grade, Long> out = new EnumMap<>(Grade.class);
    for (Grade g : Grade.values()) out.put(g, 0L);
    roles.forEach(
        (code, r) -> {
          if (r == role) out.merge(last(code).grade(), 1L, Long::sum);
        });
    return out;
  }

  /** Every grade change of the seeded {@code role} participants to a worse grade. */
  List<Downgrade> downgrades(Participant role) {
    List<Downgrade> out = new ArrayList<>();
    updates.forEach(
        (code, made) -> {
          if (roles.get(code) != role) return;
          for (CreditUpdate u : made) {
            var change = u.gradeChange();
            if (change != null && change.downgrade()) {
              CreditProfile p = u.profile();
              out.add(new Downgrade(code, p.previousGrade(), p.grade(), p.gradeSince()));
            }
          }
        });
    return out;
  }

  /** Writes every update into the history and the last of each into the current profiles. */
  void index(ElasticsearchClient es) throws Exception {
    var r =
        es.bulk(
            b -> {
              updates.forEach(
                  (code, made) -> {
                    for (CreditUpdate u : made) {
                      CreditProfile p = u.profile();
                      b.operations(
                          op ->
                              op.index(
                                  i ->
                                      i.index(Indices.CREDIT_HISTORY)
                                          .id(p.historyId())
                                          .document(p)));
                    }
                    CreditProfile p = last(code);
                    b.operations(op -> op.index(i -> i.index(Indices.CREDIT).id(code).document(p)));
                  });
              return b.refresh(Refresh.WaitFor);
            });
    if (r.errors()) throw new IllegalStateException("bulk refused: " + r.items().get(0).error());
  }
}
