package io.sanliu.simulator.traffic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.EventType;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.simulator.traffic.Doc.Intent;
import io.sanliu.simulator.zone.Enterprise;
import io.sanliu.simulator.zone.Flow;
import io.sanliu.simulator.zone.Money;
import io.sanliu.simulator.zone.Person;
import io.sanliu.simulator.zone.Rand;
import io.sanliu.simulator.zone.Zone;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anomalies of several orders or documents: a quota sequence, a split, shared identities, a volume
 * spike, orphans, replays and a burst of invalid documents, labelled once complete.
 */
final class Episodes extends AnomalySupport {
  private static final BigDecimal QUOTA_PRIOR_MIN = new BigDecimal("4300");
  private static final BigDecimal QUOTA_PRIOR_MAX = new BigDecimal("4380");
  private static final BigDecimal QUOTA_PRIOR_TOTAL = new BigDecimal("21500");
  private static final BigDecimal QUOTA_CROSSING_MIN = new BigDecimal("4460");
  private static final BigDecimal QUOTA_CROSSING_MAX = new BigDecimal("4570");
  private static final BigDecimal QUOTA_MARGIN = new BigDecimal("50");

  Episodes(TrafficEngine engine) {
    super(engine);
  }

  void overAnnualQuota(Instant at, Rand r) {
    Person buyer = planner.buyers().fresh();
    // More than a split window apart: no window of a split rule ever holds two of them.
    long window = engine.settings().splitWindow().toMillis();
    Map<Integer, BigDecimal[]> years = new LinkedHashMap<>();
    List<String> earlier = new ArrayList<>();
    Instant t = at;
    for (int i = 0; i < 30; i++) {
      int year = t.atZone(io.sanliu.model.ceb.CebTime.CHINA).getYear();
      BigDecimal[] totals =
          years.computeIfAbsent(year, y -> new BigDecimal[] {Money.ZERO, Money.ZERO});
      boolean crossing = totals[0].compareTo(QUOTA_PRIOR_TOTAL) >= 0;
      BigDecimal min =
          crossing
              ? QUOTA_CROSSING_MIN.max(Policy.ANNUAL_QUOTA.add(QUOTA_MARGIN).subtract(totals[0]))
              : QUOTA_PRIOR_MIN;
      BigDecimal max = crossing ? QUOTA_CROSSING_MAX : QUOTA_PRIOR_MAX;
      Parcel p = bigImport(r, t, buyer, min, max, false);
      ParcelStory.Written w = engine.place(p, r);
      BigDecimal taxableBefore = totals[0];
      BigDecimal paidBefore = totals[1];
      totals[0] = totals[0].add(p.taxableValue());
      totals[1] = totals[1].add(p.acturalPaid);
      if (crossing) {
        label(
            AnomalyKind.OVER_ANNUAL_QUOTA,
            t,
            first(w.docs(), EventType.ORDER).sendAt(),
            p,
            false,
            details(
                "year",
                Integer.toString(year),
                "yearTotalBefore",
                Money.text(paidBefore),
                "yearTotalAfter",
                Money.text(totals[1]),
                "taxableBefore",
                Money.text(taxableBefore),
                "taxableAfter",
                Money.text(totals[0]),
                "quota",
                Money.text(Policy.ANNUAL_QUOTA),
                "earlierOrders",
                String.join(",", earlier)));
        return;
      }
      earlier.add(p.orderKey());
      t = t.plusMillis((long) (window * r.between(1.1, 1.5)));
    }
  }

  void splitOrders(Instant at, Rand r) {
    // One buyer placing 3-5 orders, or two buyers sending 2-3 orders to one address (two IDs on
    // an address stay below any shared-identity threshold of three or more).
    boolean byAddress = r.chance(0.3);
    int n = byAddress ? r.between(2, 3) : r.between(3, 5);
    BigDecimal min = byAddress ? new BigDecimal("2800") : new BigDecimal("1800");
    BigDecimal max = new BigDecimal("4400");
    Person first = planner.buyers().fresh();
    Person second = byAddress ? planner.buyers().fresh() : first;
    Person owner = planner.people().resident();
    long window = engine.settings().splitWindow().toMillis() / 4;
    List<Instant> times = new ArrayList<>();
    times.add(at);
    for (int i = 1; i < n; i++) times.add(at.plusMillis((long) (r.unit() * window)));
    times.sort(null);
    List<String> keys = new ArrayList<>();
    BigDecimal paid = Money.ZERO;
    BigDecimal taxable = Money.ZERO;
    Instant due = at;
    for (int i = 0; i < times.size(); i++) {
      Person b = i % 2 == 0 ? first : second;
      Parcel p = bigImport(r, times.get(i), b, min, max, false);
      if (byAddress) {
        p.consigneeAddress = owner.address();
        p.consigneeDistrict = owner.district();
      }
      ParcelStory.Written w = engine.place(p, r);
      keys.add(p.orderKey());
      paid = paid.add(p.acturalPaid);
      taxable = taxable.add(p.taxableValue());
      Instant sent = first(w.docs(), EventType.ORDER).sendAt();
      if (sent.isAfter(due)) due = sent;
    }
    engine.label(
        due,
        engine.truth(
            AnomalyKind.SPLIT_ORDERS,
            at,
            keys,
            List.of(),
            null,
            List.of(),
            details(
                "variant",
                byAddress ? "one address, two buyers" : "one buyer",
                "orders",
                Integer.toString(n),
                "totalPaid",
                Money.text(paid),
                "totalTaxable",
                Money.text(taxable),
                "withinMinutes",
                Long.toString(Math.max(1, window / 60_000)))));
  }

  void sharedIdentity(Instant at, Rand r) {
    int k = r.between(5, 8);
    boolean address = r.chance(0.6);
    Person owner = planner.people().resident();
    double spreadHours = r.between(1, 12);
    List<String> keys = new ArrayList<>();
    Instant due = at;
    for (int i = 0; i < k; i++) {
      Instant t = i == 0 ? at : engine.clock().afterHours(at, r.unit() * spreadHours);
      Person b = planner.buyers().fresh();
      Parcel p = bigImport(r, t, b, new BigDecimal("150"), new BigDecimal("550"), false);
      if (address) {
        p.consigneeAddress = owner.address();
        p.consigneeDistrict = owner.district();
      } else {
        p.consigneePhone = owner.telephone();
        p.payer =
            new Person(
                b.idType(),
                b.idNumber(),
                b.name(),
                owner.telephone(),
                b.address(),
                b.district(),
                b.regNo());
      }
      ParcelStory.Written w = engine.place(p, r);
      keys.add(p.orderKey());
      Instant sent = first(w.docs(), EventType.ORDER).sendAt();
      if (sent.isAfter(due)) due = sent;
    }
    engine.label(
        due,
        engine.truth(
            AnomalyKind.SHARED_IDENTITY,
            at,
            keys,
            List.of(),
            null,
            List.of(),
            details(
                "shared",
                address ? "consigneeAddress" : "telephone",
                "buyers",
                Integer.toString(k))));
  }

  void orphan(Instant at, Rand r) {
    Parcel p =
        bigImport(
            r, at, planner.buyers().fresh(), new BigDecimal("80"), new BigDecimal("2000"), false);
    ParcelStory.Written w = engine.story().write(p, r);
    boolean payment = r.chance(0.5);
    Doc doc = first(w.docs(), payment ? EventType.PAYMENT : EventType.WAYBILL);
    engine.queue(doc);
    engine.label(
        doc.sendAt(),
        engine.truth(
            AnomalyKind.ORPHAN_DOCUMENT,
            doc.eventTime(),
            payment ? List.of(p.orderKey()) : List.of(),
            payment ? List.of() : List.of(p.waybillKey()),
            null,
            List.of(doc.messageGuid()),
            details("document", doc.type().name(), "recordGuid", doc.recordGuid())));
  }

  void spike(Instant at, Rand r) {
    // A spike stands out against a baseline: none before one was watched, an ordinary order then.
    Duration watched = engine.settings().spikeBaseline();
    if (at.isBefore(engine.clock().after(engine.clock().start(), watched))) {
      engine.place(normal(r, at, planner.flow(r)), r);
      return;
    }
    // A mid-sized enterprise (not among the largest twentieth, in the larger half): a jump of
    // its own, not a zone-wide wave, from a baseline a detector can measure.
    Flow flow = planner.flow(r);
    List<Enterprise> bySize =
        engine.zone().normalEnterprises(flow).stream()
            .sorted(java.util.Comparator.comparingDouble(Enterprise::weight).reversed())
            .toList();
    int from = bySize.size() / 20;
    int to = Math.max(from + 1, bySize.size() / 2);
    Enterprise e = bySize.get(from + r.below(to - from));
    double zoneHours = r.between(4, 10);
    double factor = r.between(8, 12);
    Duration span = engine.clock().eventDuration(Duration.ofMillis((long) (zoneHours * 3_600_000)));
    double hours = span.toMillis() / 3_600_000.0;
    double baseline = engine.ordersPerSecond() * 3600 * engine.zone().orderShare(e);
    // At least 16: order times are whole seconds (CEB appTime), so in a compressed zone a spike of
    // 2.5 s can spread over four of them, and the best window of three holds only most of it.
    int extra = (int) Math.min(5000, Math.max(16, Math.round((factor - 1) * baseline * hours)));
    Instant end = at.plus(span);
    List<String> keys = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < extra; i++) times.add(at.plusMillis((long) (r.unit() * span.toMillis())));
    times.sort(null);
    for (Instant t : times) {
      Rand own = r.split();
      engine.later(
          t,
          when -> {
            Parcel p = planner.normal(own, when, own.pick(e.flows()), e);
            engine.place(p, own);
            keys.add(p.orderKey());
          });
    }
    engine.later(
        end.plusMillis(1),
        when ->
            engine.label(
                when,
                engine.truth(
                    AnomalyKind.ENTERPRISE_VOLUME_SPIKE,
                    at,
                    keys,
                    List.of(),
                    e.code(),
                    List.of(),
                    details(
                        "from",
                        at.toString(),
                        "to",
                        end.toString(),
                        "baselinePerHour",
                        String.format(java.util.Locale.ROOT, "%.1f", baseline),
                        "spikePerHour",
                        String.format(java.util.Locale.ROOT, "%.1f", baseline + extra / hours),
                        "extraOrders",
                        Integer.toString(extra)))));
  }

  void replayed(Instant at, Rand r) {
    Parcel p = normal(r, at, planner.flow(r));
    ParcelStory.Written w = engine.place(p, r);
    List<Doc> candidates =
        w.docs().stream()
            .filter(
                d ->
                    d.type() == EventType.PAYMENT
                        || d.type() == EventType.WAYBILL
                        || d.type() == EventType.CUSTOMS_LIST)
            .toList();
    Doc original = r.pick(candidates);
    boolean same = r.chance(0.7);
    Instant when = engine.clock().afterMinutes(original.sendAt(), r.between(5, 120));
    Doc replay =
        original.replayed(
            when,
            same ? Intent.REPLAY_SAME_MESSAGE : Intent.REPLAY_NEW_MESSAGE,
            engine.ids().guid());
    engine.queue(replay);
    List<String> guids =
        same
            ? List.of(original.messageGuid())
            : List.of(original.messageGuid(), replay.messageGuid());
    boolean waybill = original.type() == EventType.WAYBILL;
    engine.label(
        when,
        engine.truth(
            AnomalyKind.REPLAYED_MESSAGE,
            when,
            waybill ? List.of() : List.of(p.orderKey()),
            waybill ? List.of(p.waybillKey()) : List.of(),
            original.sender(),
            guids,
            details(
                "form",
                same ? "same message guid" : "same record guid in a new message",
                "documentType",
                original.type().name(),
                "recordGuid",
                original.recordGuid(),
                "originalSentAt",
                original.sendAt().toString())));
  }

  void rejectedBurst(Instant at, Rand r) {
    double u = r.unit();
    EventType type = u < 0.6 ? EventType.ORDER : u < 0.8 ? EventType.PAYMENT : EventType.WAYBILL;
    String sender =
        switch (type) {
          case ORDER -> r.pick(List.of("4403960001", "4403960002", "4401960003"));
          case PAYMENT -> Zone.PAYMENT_FIRM;
          default -> Zone.LOGISTICS_FIRM;
        };
    int count = r.between(15, 40);
    double spreadMinutes = r.between(1, 10);
    List<String> guids = new ArrayList<>();
    Instant last = at;
    for (int i = 0; i < count; i++) {
      Instant t = i == 0 ? at : engine.clock().afterMinutes(at, r.unit() * spreadMinutes);
      Parcel p =
          bigImport(
              r, t, planner.buyers().fresh(), new BigDecimal("100"), new BigDecimal("1500"), false);
      ParcelStory.Written w = engine.story().write(p, r);
      Doc base = first(w.docs(), type);
      ObjectNode broken = base.record().deepCopy();
      if (type == EventType.ORDER) {
        broken.put("ebpCode", sender);
        broken.put("ebpName", Zone.nameOf(sender));
      }
      FieldError error = InvalidDocuments.breakIt(type, broken, r);
      Doc doc =
          Doc.of(
              ZoneClock.afterSeconds(t, r.between(0.05, 1.5)),
              t,
              type,
              sender,
              engine.ids().guid(),
              broken,
              DocFormat.JSON,
              Intent.INVALID,
              error);
      engine.queue(doc);
      guids.add(doc.messageGuid());
      if (doc.sendAt().isAfter(last)) last = doc.sendAt();
    }
    engine.label(
        last,
        engine.truth(
            AnomalyKind.REJECTED_BURST,
            at,
            List.of(),
            List.of(),
            sender,
            guids,
            details(
                "documentType",
                type.name(),
                "documents",
                Integer.toString(count),
                "withinMinutes",
                String.format(
                    java.util.Locale.ROOT,
                    "%.1f",
                    engine
                            .clock()
                            .eventDuration(Duration.ofMillis((long) (spreadMinutes * 60_000)))
                            .toMillis()
                        / 60_000.0))));
  }
}
