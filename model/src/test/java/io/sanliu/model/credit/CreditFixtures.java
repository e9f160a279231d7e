package io.sanliu.model.credit;

import io.sanliu.model.credit.CreditFact.Kind;
import io.sanliu.model.events.Severity;
import java.time.Duration;
import java.time.Instant;

/** Facts about one enterprise, written briefly. */
final class CreditFixtures {
  static final String CODE = "4403960999";
  static final Instant T0 = Instant.parse("2047-03-01T00:00:00Z");
  static final Scorecard CARD = new Scorecard(new Decay(Duration.ofDays(90)));
  static final GradePolicy POLICY = new GradePolicy(2);

  private CreditFixtures() {}

  static Instant day(double d) {
    return T0.plusMillis((long) (d * 86_400_000L));
  }

  static CreditFact matched(double d) {
    return CreditFact.of(CODE, Participant.ENTERPRISE, Kind.PARCEL_MATCHED, day(d));
  }

  static CreditFact failed(double d) {
    return CreditFact.of(CODE, Participant.ENTERPRISE, Kind.PARCEL_FAILED, day(d));
  }

  static CreditFact released(double d) {
    return CreditFact.of(CODE, Participant.ENTERPRISE, Kind.LIST_RELEASED, day(d));
  }

  static CreditFact returned(double d) {
    return CreditFact.of(CODE, Participant.ENTERPRISE, Kind.LIST_RETURNED, day(d));
  }

  static CreditFact inspected(double d) {
    return CreditFact.of(CODE, Participant.ENTERPRISE, Kind.LIST_INSPECTED, day(d));
  }

  static CreditFact verified(double d, double cny) {
    return CreditFact.verified(CODE, Participant.ENTERPRISE, day(d), cny);
  }

  static CreditFact alert(double d, String id, Severity severity) {
    return CreditFact.alert(CODE, Participant.ENTERPRISE, day(d), id, "UNDERVALUATION", severity);
  }

  /** A clean enterprise's ordinary day: {@code n} parcels matched, released and verified. */
  static void cleanDays(CreditLedger ledger, int days, int perDay, double cny) {
    for (int d = 0; d < days; d++) {
      for (int i = 0; i < perDay; i++) {
        double t = d + i / (double) (perDay + 1);
        ledger.record(matched(t), CARD.decay());
        ledger.record(released(t), CARD.decay());
        ledger.record(verified(t, cny), CARD.decay());
      }
    }
  }
}
