package io.sanliu.model.simulation;

import io.sanliu.model.Json;
import io.sanliu.model.kafka.Topic;
import java.time.Instant;
import java.util.Objects;

/**
 * An entry of the zone's credit negative list (信用负面清单): an enterprise, or one filed item of an
 * enterprise, that may not trade. The simulator writes the zone's list at the start of a run (to a
 * JSON-lines file and to {@link #TOPIC}) so that the risk engine can read it as reference data, and
 * labels the orders that touch it as {@link AnomalyKind#NEGATIVE_LISTED}.
 *
 * @param entryId unique id; the Kafka key
 * @param subject what is listed
 * @param enterpriseCode the listed enterprise, or the enterprise of the listed goods
 * @param itemRecordNo the listed goods' filing number (goods entries only)
 * @param itemNo the listed goods' item number (goods entries only)
 * @param gcode the listed goods' 10-digit HS code (goods entries only)
 * @param reason why it is listed (Chinese)
 * @param listedBy who listed it (the zone's code)
 * @param listedAt since when
 * @param country the listed partner country, customs 3-digit code (country entries only)
 * @param removedAt when it was taken off the list; null while it is in force. A removal is the
 *     entry again, under its key, with this set: the compacted topic keeps it, so a job that starts
 *     later still learns both when it was listed and when it was removed
 * @param removalReason why it was taken off (removals only)
 * @param removedBy who took it off (removals only)
 */
public record NegativeListEntry(
    String entryId,
    Subject subject,
    String enterpriseCode,
    String itemRecordNo,
    String itemNo,
    String gcode,
    String reason,
    String listedBy,
    Instant listedAt,
    String country,
    Instant removedAt,
    String removalReason,
    String removedBy) {

  /**
   * Reference data, latest per entry. Not (yet) in {@code Topics.all()}: whoever writes it creates
   * it when missing.
   */
  public static final Topic<NegativeListEntry> TOPIC =
      new Topic<>(
          "sanliu.negative-list", Json.mapper().constructType(NegativeListEntry.class), 1, true);

  /** What an entry lists. */
  public enum Subject {
    /** Every order of the enterprise. */
    ENTERPRISE,
    /** Orders holding one filed item of the enterprise. */
    GOODS,
    /** Goods from a partner country (any enterprise); {@code enterpriseCode} is the lister's. */
    COUNTRY
  }

  /** An entry in force. */
  public NegativeListEntry(
      String entryId,
      Subject subject,
      String enterpriseCode,
      String itemRecordNo,
      String itemNo,
      String gcode,
      String reason,
      String listedBy,
      Instant listedAt,
      String country) {
    this(
        entryId,
        subject,
        enterpriseCode,
        itemRecordNo,
        itemNo,
        gcode,
        reason,
        listedBy,
        listedAt,
        country,
        null,
        null,
        null);
  }

  public NegativeListEntry {
    Objects.requireNonNull(entryId, "entryId");
    Objects.requireNonNull(subject, "subject");
    if (subject != Subject.COUNTRY) Objects.requireNonNull(enterpriseCode, "enterpriseCode");
    if (subject == Subject.COUNTRY && (country == null || country.isBlank())) {
      throw new IllegalArgumentException("a country entry names the country");
    }
    if (subject == Subject.GOODS && itemRecordNo == null && itemNo == null) {
      throw new IllegalArgumentException("a goods entry names the item (itemRecordNo or itemNo)");
    }
  }

  /** The same entry taken off the list at {@code at}. */
  public NegativeListEntry removed(Instant at, String reason, String by) {
    Objects.requireNonNull(at, "removedAt");
    return new NegativeListEntry(
        entryId,
        subject,
        enterpriseCode,
        itemRecordNo,
        itemNo,
        gcode,
        this.reason,
        listedBy,
        listedAt,
        country,
        at,
        reason,
        by);
  }

  /** Whether it was taken off the list. */
  public boolean isRemoved() {
    return removedAt != null;
  }

  /**
   * Whether it covers what happened at {@code time}: until its removal. Not before its listing is
   * not checked: a listing names who may not trade, whenever the order was placed.
   */
  public boolean inForceAt(Instant time) {
    return removedAt == null || (time != null && time.isBefore(removedAt));
  }

  /** The Kafka record key. */
  public String key() {
    return entryId;
  }

  /** Whether goods from {@code partnerCountry} are covered (country entries only). */
  public boolean coversCountry(String partnerCountry) {
    return subject == Subject.COUNTRY && country.equals(partnerCountry);
  }

  /**
   * Whether a line of an order or list of enterprise {@code ebcCode} with these item identifiers is
   * covered by this entry.
   */
  public boolean covers(String ebcCode, String lineItemRecordNo, String lineItemNo) {
    if (subject == Subject.COUNTRY || !enterpriseCode.equals(ebcCode)) return false;
    if (subject == Subject.ENTERPRISE) return true;
    return (itemRecordNo != null && itemRecordNo.equals(lineItemRecordNo))
        || (itemNo != null && itemNo.equals(lineItemNo));
  }
}
