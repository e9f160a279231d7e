package io.sanliu.jobs.logistics;

import io.sanliu.model.codes.TransportMode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.logistics.ShipmentState;
import java.time.Instant;
import java.util.Optional;

/**
 * One step of a parcel's journey as reported, on its way to the parcel's timeline: a tracking
 * event, a customs list's declaration or a customs status of the list. Flat, so it travels between
 * operators without the documents.
 *
 * @param waybillKey logisticsCode:logisticsNo; null for a list receipt not routed yet (receipts of
 *     lists name the order, not the waybill: {@link ReceiptRouter} gives them their waybill)
 * @param ref what makes the report unique: the tracking event's id, or the document's guid; the
 *     same ref twice is the same report sent twice
 * @param status the reported status as sent (a tracking status, a customs status code)
 * @param at when it happened (event time)
 * @param facts what a customs list tells of the parcel; null for other reports
 */
public record Milestone(
    String waybillKey,
    String logisticsCode,
    String logisticsNo,
    String ref,
    ShipmentState state,
    String status,
    Instant at,
    String location,
    String country,
    String transportMode,
    MilestoneSource source,
    String note,
    ShipmentFacts facts) {

  /** A carrier's tracking event; empty when it names no waybill or status. */
  public static Optional<Milestone> of(Envelope<LogisticsEvent> envelope) {
    LogisticsEvent e = envelope.payload();
    if (blank(e.logisticsCode()) || blank(e.logisticsNo()) || e.status() == null) {
      return Optional.empty();
    }
    Instant at = firstOf(e.occurredAt(), envelope.eventTime(), envelope.ingestTime());
    if (at == null) return Optional.empty();
    String ref =
        e.eventId() != null
            ? e.eventId()
            : envelope.messageGuid() != null
                ? envelope.messageGuid()
                : e.status() + "@" + at.toEpochMilli();
    return Optional.of(
        new Milestone(
            DocumentKeys.waybill(e.logisticsCode(), e.logisticsNo()),
            e.logisticsCode(),
            e.logisticsNo(),
            ref,
            ShipmentState.of(e.status()),
            e.status().name(),
            at,
            e.location(),
            e.country(),
            mode(e.transportMode()),
            MilestoneSource.TRACKING,
            e.note(),
            null));
  }

  /**
   * A customs list's declaration of the waybill it names; empty when it names none or is withdrawn
   * (a withdrawn list declares nothing).
   */
  public static Optional<Milestone> ofList(Envelope<CustomsList> envelope) {
    CustomsList l = envelope.payload();
    if (blank(l.logisticsCode()) || blank(l.logisticsNo()) || l.appType() == AppType.DELETE) {
      return Optional.empty();
    }
    Instant at = firstOf(l.declTime(), l.appTime(), envelope.eventTime());
    if (at == null) return Optional.empty();
    ShipmentFacts facts = ShipmentFacts.of(l);
    return Optional.of(
        new Milestone(
            DocumentKeys.waybill(l.logisticsCode(), l.logisticsNo()),
            l.logisticsCode(),
            l.logisticsNo(),
            "list:" + firstOf(l.guid(), envelope.messageGuid()),
            ShipmentState.DECLARED,
            ShipmentState.DECLARED.name(),
            at,
            l.portCode(),
            null,
            facts.transportMode(),
            MilestoneSource.CUSTOMS_LIST,
            null,
            facts));
  }

  /**
   * A customs status of a list, not routed to its waybill yet; empty for receipts of other
   * documents and for statuses that say nothing about the goods (see {@link
   * ShipmentState#ofListStatus}).
   */
  public static Optional<Milestone> ofListReceipt(Envelope<CustomsReceipt> envelope) {
    CustomsReceipt r = envelope.payload();
    if (r.kind() != ReceiptKind.CUSTOMS_LIST) return Optional.empty();
    Optional<ShipmentState> state = ShipmentState.ofListStatus(r.returnStatus());
    Instant at = firstOf(r.returnTime(), envelope.eventTime(), envelope.ingestTime());
    if (state.isEmpty() || at == null) return Optional.empty();
    return Optional.of(
        new Milestone(
            null,
            null,
            null,
            "receipt:" + firstOf(r.guid(), envelope.messageGuid()),
            state.get(),
            r.returnStatus().trim(),
            at,
            null,
            null,
            null,
            MilestoneSource.CUSTOMS_RECEIPT,
            r.returnInfo(),
            null));
  }

  /** The same report given the waybill its list names. */
  public Milestone routedTo(ListLink link) {
    return new Milestone(
        link.waybillKey(),
        link.logisticsCode(),
        link.logisticsNo(),
        ref,
        state,
        status,
        at,
        location,
        country,
        transportMode,
        source,
        note,
        facts);
  }

  TimelineEntry entry() {
    return new TimelineEntry(
        ref, state, status, at, location, country, transportMode, source, note);
  }

  /** A tracking mode in the platform's spelling (AIR, RAIL, SEA, ROAD); null when unknown. */
  static String mode(String raw) {
    if (blank(raw)) return null;
    try {
      return TransportMode.fromName(raw).name();
    } catch (IllegalArgumentException e) {
      return null; // a carrier's own mode name: not a dimension we can group by
    }
  }

  @SafeVarargs
  private static <T> T firstOf(T... values) {
    for (T v : values) if (v != null) return v;
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
