package io.sanliu.model.credit;

/**
 * One negative-list entry in a participant's history.
 *
 * @param listedAtMillis since when it is listed
 * @param removedAtMillis when it was taken off, or null while listed
 * @param goods whether the entry lists one item of the participant's goods rather than the
 *     participant itself (weighs half)
 * @param note subject and reason, for the explanation
 */
public record NegativeMark(long listedAtMillis, Long removedAtMillis, boolean goods, String note) {

  public boolean listed() {
    return removedAtMillis == null;
  }
}
