package io.sanliu.jobs.risk.technical;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One sender's refusals that follow each other closely: each within a rule's {@code window} of the
 * burst. Kept per rule definition, as two definitions may cut bursts by different windows.
 *
 * @param firstGuid message guid of the refusal that started it (with the sender, the alert's
 *     subject, so that later refusals update the same alert)
 * @param start earliest refusal time
 * @param last latest refusal time
 * @param refusals refusals counted (several records of one message count each)
 * @param guids distinct message guids, at most {@link #MAX_GUIDS}
 * @param lastReason the latest refusal's first error
 */
public record Burst(
    String sender,
    String firstGuid,
    Instant start,
    Instant last,
    int refusals,
    List<String> guids,
    String lastReason) {

  /**
   * A flood of refusals keeps counting; its first hundred guids name it well enough. Each refusal
   * re-sends the burst's alert with them: at a thousand, re-indexing the guids of floods took more
   * than the rest of the engine in a profile of 3,000 documents/s.
   */
  static final int MAX_GUIDS = 100;

  public Burst {
    guids = guids == null ? List.of() : List.copyOf(guids);
  }

  static Burst start(TechnicalSignal refusal) {
    return new Burst(
        refusal.sender(),
        refusal.guid(),
        refusal.time(),
        refusal.time(),
        1,
        refusal.guid() == null ? List.of() : List.of(refusal.guid()),
        refusal.reason());
  }

  /**
   * Whether a refusal at {@code t} belongs here: not further than {@code window} after the latest
   * nor before the earliest (dead letters may arrive a little out of order).
   */
  boolean takes(Instant t, Duration window) {
    return !t.isAfter(last.plus(window)) && !t.isBefore(start.minus(window));
  }

  /** Too old for this burst, which started after it; an earlier burst's straggler. */
  boolean startedAfter(Instant t, Duration window) {
    return t.isBefore(start.minus(window));
  }

  Burst with(TechnicalSignal refusal) {
    List<String> more = new ArrayList<>(guids);
    if (refusal.guid() != null && !more.contains(refusal.guid()) && more.size() < MAX_GUIDS) {
      more.add(refusal.guid());
    }
    Instant t = refusal.time();
    return new Burst(
        sender,
        firstGuid,
        t.isBefore(start) ? t : start,
        t.isAfter(last) ? t : last,
        refusals + 1,
        more,
        refusal.reason());
  }

  public Duration span() {
    return Duration.between(start, last);
  }

  /** The alert's subject: sender and the burst's first guid (its start when that had none). */
  public String subject() {
    return sender + "/" + (firstGuid != null ? firstGuid : start.toString());
  }
}
