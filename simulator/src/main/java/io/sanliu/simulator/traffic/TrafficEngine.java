package io.sanliu.simulator.traffic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.EnterpriseRole;
import io.sanliu.model.events.EventType;
import io.sanliu.model.simulation.AnomalyKind;
import io.sanliu.model.simulation.GroundTruth;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.simulator.traffic.Doc.Intent;
import io.sanliu.simulator.zone.BuyerBook;
import io.sanliu.simulator.zone.Enterprise;
import io.sanliu.simulator.zone.Goods;
import io.sanliu.simulator.zone.People;
import io.sanliu.simulator.zone.Rand;
import io.sanliu.simulator.zone.Zone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The zone's traffic as one deterministic stream: order arrivals (a Poisson process following the
 * day/night rhythm), each becoming a normal parcel or, at the configured rates, an anomaly, whose
 * documents and labels are queued by due time. {@link #next()} hands them out in order; nothing
 * here looks at the wall clock, so a seed and a start always give the same stream.
 *
 * <p>Not thread-safe: one thread pulls.
 */
public final class TrafficEngine {
  /**
   * Documents one order brings on average (order, payment, list, waybill, receipts, tracking
   * events, evaluations): the order arrival rate is the document rate divided by it. Measured over
   * long runs of the default zone.
   */
  public static final double DOCUMENTS_PER_ORDER = 16.8;

  private final Zone zone;
  private final TrafficSettings settings;
  private final ZoneClock clock;
  private final Identifiers ids;
  private final Rand rand;
  private final People people;
  private final ParcelPlanner planner;
  private final ParcelStory story;
  private final Anomalies anomalies;
  private final PriorityQueue<Item> queue = new PriorityQueue<>();
  private final Map<AnomalyKind, Long> labelled = new EnumMap<>(AnomalyKind.class);
  private long seq;
  private long arrivals;
  private long orders;
  private Instant arrivalsUntil;

  private record Item(Instant at, long seq, Object what) implements Comparable<Item> {
    @Override
    public int compareTo(Item o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private record Task(Consumer<Instant> action) {}

  public TrafficEngine(Zone zone, TrafficSettings settings) {
    this.zone = zone;
    this.settings = settings;
    this.clock = new ZoneClock(settings.start(), settings.compression(), settings.zoneStart());
    this.ids = new Identifiers(settings.seed(), settings.start());
    this.rand = new Rand(settings.seed());
    // Buyers are new in every run: drawn from the seed and the run's tag.
    this.people =
        new People(new Rand(settings.seed() ^ ids.tag().hashCode() * 0x9E3779B97F4A7C15L));
    BuyerBook buyers = new BuyerBook(people, rand.split(), settings.shape().buyers());
    this.planner = new ParcelPlanner(zone, buyers, people, ids);
    this.story = new ParcelStory(clock, ids, settings.xmlShare(), settings.gbkShare());
    this.anomalies = new Anomalies(this);
    schedule(settings.start(), new Task(this::arrive));
  }

  public Zone zone() {
    return zone;
  }

  public TrafficSettings settings() {
    return settings;
  }

  public ZoneClock clock() {
    return clock;
  }

  /** The run's name ({@code SIM-XXXXXX}), as the ground truth names it. */
  public String run() {
    return ids.run();
  }

  /** Mean order arrivals per second of event time. */
  public double ordersPerSecond() {
    return settings.documentsPerSecond() / DOCUMENTS_PER_ORDER;
  }

  /**
   * The zone's filings, sent before any traffic: the participants and enterprises (enterprise
   * filings), then every filed item (goods filings), all dated at the start.
   */
  public List<Doc> filings() {
    Instant at = settings.start();
    List<Doc> docs = new ArrayList<>();
    Rand r = new Rand(zone.seed() ^ 0xF11E5L);
    for (var p : zone.participants()) {
      Set<EnterpriseRole> roles =
          switch (p.role()) {
            case "PLATFORM" -> Set.of(EnterpriseRole.PLATFORM);
            case "PAYMENT" -> Set.of(EnterpriseRole.PAYMENT);
            case "LOGISTICS" ->
                Set.of(EnterpriseRole.LOGISTICS, EnterpriseRole.AGENT, EnterpriseRole.WAREHOUSE);
            default -> Set.of();
          };
      if (roles.isEmpty()) continue;
      String area = p.code().substring(0, 4);
      ObjectNode o =
          DocumentForms.enterpriseFiling(
              ids.guid(),
              p.code(),
              p.name(),
              Zone.creditCode(r, area),
              roles,
              "142",
              "广东省深圳市前海深港合作区前湾一路" + r.between(1, 99) + "号",
              at);
      docs.add(filing(at, EventType.ENTERPRISE_FILING, o));
    }
    for (Enterprise e : zone.enterprises()) {
      docs.add(
          filing(
              at, EventType.ENTERPRISE_FILING, DocumentForms.enterpriseFiling(ids.guid(), e, at)));
    }
    for (Enterprise e : zone.enterprises()) {
      for (Goods g : e.goods()) {
        docs.add(filing(at, EventType.GOODS_FILING, DocumentForms.goodsFiling(ids.guid(), g, at)));
      }
    }
    return docs;
  }

  private Doc filing(Instant at, EventType type, ObjectNode o) {
    return Doc.of(at, at, type, Zone.ZONE_CODE, ids.guid(), o, DocFormat.JSON, Intent.NORMAL, null);
  }

  /** The zone's negative list, dated at the start. */
  public List<NegativeListEntry> negativeList() {
    return zone.negativeList(settings.start());
  }

  /** No order arrives after {@code until}; parcels and episodes under way go on to their end. */
  public void stopArrivalsAfter(Instant until) {
    this.arrivalsUntil = until;
  }

  /** The next document or label, in due order; null when nothing is left (after a stop). */
  public Emission next() {
    while (true) {
      Item item = queue.poll();
      if (item == null) return null;
      if (item.what() instanceof Task t) {
        t.action().accept(item.at());
        continue;
      }
      if (item.what() instanceof Label l) {
        labelled.merge(l.truth().kind(), 1L, Long::sum);
      }
      return (Emission) item.what();
    }
  }

  /** Order arrivals so far (each one a normal order or the start of an anomaly). */
  public long arrivals() {
    return arrivals;
  }

  /** Orders placed so far (anomaly episodes add orders of their own). */
  public long orders() {
    return orders;
  }

  /** Labels handed out so far, per kind. */
  public Map<AnomalyKind, Long> labelled() {
    return Map.copyOf(labelled);
  }

  // ---- what arrivals and episodes use

  private void arrive(Instant at) {
    if (arrivalsUntil != null && at.isAfter(arrivalsUntil)) return;
    arrivals++;
    Rand r = rand.split();
    AnomalyKind kind = settings.anomalies().draw(r.unit());
    if (kind == null) {
      var flow = planner.flow(r);
      place(planner.normal(r, at, flow, planner.enterprise(r, flow)), r);
    } else {
      anomalies.start(kind, at, r);
    }
    double rate = ordersPerSecond() * DayRhythm.factor(clock.zoneTime(at));
    schedule(ZoneClock.afterSeconds(at, r.exponential() / rate), new Task(this::arrive));
  }

  ParcelPlanner planner() {
    return planner;
  }

  ParcelStory story() {
    return story;
  }

  Identifiers ids() {
    return ids;
  }

  People people() {
    return people;
  }

  /** Writes a parcel's documents and queues them. */
  ParcelStory.Written place(Parcel p, Rand r) {
    ParcelStory.Written w = story.write(p, r);
    queue(w.docs());
    return w;
  }

  void queue(List<Doc> docs) {
    orders += docs.stream().filter(d -> d.type() == EventType.ORDER && !d.invalid()).count();
    for (Doc d : docs) schedule(d.sendAt(), d);
  }

  void queue(Doc d) {
    schedule(d.sendAt(), d);
  }

  void later(Instant at, Consumer<Instant> action) {
    schedule(at, new Task(action));
  }

  void label(Instant dueAt, GroundTruth truth) {
    schedule(dueAt, new Label(dueAt, truth));
  }

  GroundTruth truth(
      AnomalyKind kind,
      Instant eventTime,
      List<String> orderKeys,
      List<String> waybillKeys,
      String enterpriseCode,
      List<String> messageGuids,
      Map<String, String> details) {
    return new GroundTruth(
        ids.truthId(),
        ids.run(),
        kind,
        eventTime,
        orderKeys,
        waybillKeys,
        enterpriseCode,
        messageGuids,
        details);
  }

  private void schedule(Instant at, Object what) {
    queue.add(new Item(at, seq++, what));
  }
}
