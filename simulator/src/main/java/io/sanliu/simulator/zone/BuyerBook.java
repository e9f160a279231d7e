package io.sanliu.simulator.zone;

import io.sanliu.model.ceb.CebTime;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The buyers of normal traffic and what each has bought, so that none of them ever looks like an
 * anomaly: a normal buyer's retail imports stay within {@link #DAY_LIMIT} in any 24 hours of event
 * time (so no split-order rule can fire, whatever its window up to a day) and within {@link
 * #YEAR_LIMIT} in a calendar year (half the annual quota). When the buyers picked are at their
 * limits, a new buyer joins: the pool grows with the traffic.
 *
 * <p>Anomalies that need a buyer of their own ({@link #fresh()}) get one outside the pool.
 */
public final class BuyerBook {
  /** Most a normal buyer imports (acturalPaid, CNY) within any 24 hours. */
  public static final BigDecimal DAY_LIMIT = new BigDecimal("4000");

  /** Most a normal buyer imports (acturalPaid, CNY) in a calendar year. */
  public static final BigDecimal YEAR_LIMIT = new BigDecimal("13000");

  private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();
  private static final int TRIES = 12;

  private final People people;
  private final Rand rand;
  private final List<Person> buyers = new ArrayList<>();
  private final List<Ledger> ledgers = new ArrayList<>();

  private static final class Ledger {
    final ArrayDeque<long[]> recent = new ArrayDeque<>();
    int year;
    long yearCents;
    long dayCents;
  }

  public BuyerBook(People people, Rand rand, int initial) {
    this.people = people;
    this.rand = rand;
    for (int i = 0; i < initial; i++) join();
  }

  private int join() {
    buyers.add(people.resident());
    ledgers.add(new Ledger());
    return buyers.size() - 1;
  }

  /**
   * A normal buyer who can import {@code amount} (acturalPaid, CNY) at {@code at} within the
   * limits; the purchase is recorded. Picks are skewed: some buyers buy far more often than others.
   */
  public Person pick(Instant at, BigDecimal amount) {
    long cents = amount.movePointRight(2).longValueExact();
    long now = at.getEpochSecond();
    int year = at.atZone(CebTime.CHINA).getYear();
    for (int i = 0; i < TRIES; i++) {
      int index = (int) (buyers.size() * Math.pow(rand.unit(), 1.6));
      if (fits(ledgers.get(index), now, year, cents)) return record(index, now, year, cents);
    }
    return record(join(), now, year, cents);
  }

  private static boolean fits(Ledger l, long now, int year, long cents) {
    while (!l.recent.isEmpty() && l.recent.peekFirst()[0] <= now - DAY_SECONDS) {
      l.dayCents -= l.recent.pollFirst()[1];
    }
    long yearCents = l.year == year ? l.yearCents : 0;
    return l.dayCents + cents <= DAY_LIMIT.movePointRight(2).longValueExact()
        && yearCents + cents <= YEAR_LIMIT.movePointRight(2).longValueExact();
  }

  private Person record(int index, long now, int year, long cents) {
    Ledger l = ledgers.get(index);
    if (l.year != year) {
      l.year = year;
      l.yearCents = 0;
    }
    l.yearCents += cents;
    l.dayCents += cents;
    l.recent.addLast(new long[] {now, cents});
    return buyers.get(index);
  }

  /** A buyer outside the normal pool, sharing nothing with anyone, for an anomaly. */
  public Person fresh() {
    return people.resident();
  }

  /** Buyers in the normal pool. */
  public int size() {
    return buyers.size();
  }
}
