package io.sanliu.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.sanliu.elastic.ElasticClients;
import io.sanliu.model.config.Config;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.risk.RuleType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches {@link Indices#ALERTS} as a console would: a search every {@code every}, noting the wall
 * clock at which each alert was first returned. The index has one shard, so every write gets the
 * next sequence number: each poll asks for the numbers not seen yet, which keeps the searches small
 * however many alerts there are. A number can stay unseen for good (the write was overwritten by a
 * newer version of the same alert before a refresh showed it); after {@link #GIVE_UP} it is
 * skipped.
 */
final class AlertWatcher implements AutoCloseable {
  /** A write still invisible this long after a later one was seen will never be. */
  static final Duration GIVE_UP = Duration.ofSeconds(5);

  private static final int PAGE = 1000;
  private static final List<String> FIELDS =
      List.of("alertId", "ruleType", "detectedAt", "sourceIngestTime");

  /** The fields of an alert the bench reads. */
  record AlertTimes(
      String alertId, RuleType ruleType, Instant detectedAt, Instant sourceIngestTime) {}

  /** An alert (one version of it) and when a search first returned it. */
  record Sighting(
      String alertId,
      RuleType ruleType,
      Instant sourceIngestTime,
      Instant detectedAt,
      Instant seenAt) {}

  private final ElasticClients clients;
  private final ElasticsearchClient client;
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "alert-watcher"));
  private final List<Sighting> sightings = new ArrayList<>();
  // Poller thread only: the sequence numbers seen, and since when the missing ones are missing.
  private final BitSet seen = new BitSet();
  private final Map<Integer, Long> missingSince = new HashMap<>();
  private int next;
  private int highest = -1;
  private long polls;
  private long failedPolls;
  private long skipped;
  private String lastFailure;

  private AlertWatcher(Config config) {
    clients = ElasticClients.connect(config);
    client = clients.blocking();
  }

  static AlertWatcher start(Config config, Duration every) {
    AlertWatcher w = new AlertWatcher(config);
    // At a fixed rate: a slow search is followed by the next at once, not by a further pause.
    w.poller.scheduleAtFixedRate(w::poll, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return w;
  }

  private void poll() {
    try {
      int from = next;
      while (true) {
        final int gte = from;
        SearchResponse<AlertTimes> page =
            client.search(
                s ->
                    s.index(Indices.ALERTS)
                        .ignoreUnavailable(true) // no alert yet, no index yet
                        .size(PAGE)
                        .seqNoPrimaryTerm(true)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.includes(FIELDS)))
                        .query(
                            q -> q.range(r -> r.number(n -> n.field("_seq_no").gte((double) gte))))
                        .sort(o -> o.field(f -> f.field("_seq_no").order(SortOrder.Asc))),
                AlertTimes.class);
        Instant seenAt = Instant.now();
        List<Hit<AlertTimes>> hits = page.hits().hits();
        for (Hit<AlertTimes> hit : hits) note(hit, seenAt);
        if (hits.size() < PAGE) break;
        from = Math.toIntExact(hits.get(hits.size() - 1).seqNo()) + 1;
      }
      advance(System.nanoTime());
      polls++;
    } catch (Exception e) {
      // Elasticsearch busy or restarting: the next poll tries again; counted in the report.
      failedPolls++;
      lastFailure = e.toString();
    }
  }

  private void note(Hit<AlertTimes> hit, Instant seenAt) {
    int seq = Math.toIntExact(hit.seqNo());
    if (seen.get(seq)) return;
    seen.set(seq);
    missingSince.remove(seq);
    highest = Math.max(highest, seq);
    AlertTimes a = hit.source();
    synchronized (sightings) {
      sightings.add(
          new Sighting(a.alertId(), a.ruleType(), a.sourceIngestTime(), a.detectedAt(), seenAt));
    }
  }

  /** Moves {@link #next} past every number seen or given up. */
  private void advance(long now) {
    for (int s = seen.nextClearBit(next); s < highest; s = seen.nextClearBit(s + 1)) {
      missingSince.putIfAbsent(s, now);
    }
    while (next <= highest) {
      if (seen.get(next)) {
        next++;
        continue;
      }
      Long since = missingSince.get(next);
      if (since == null || now - since < GIVE_UP.toNanos()) break;
      missingSince.remove(next);
      skipped++;
      next++;
    }
  }

  List<Sighting> sightings() {
    synchronized (sightings) {
      return List.copyOf(sightings);
    }
  }

  /** Facts for the report: polls made and failed, writes never seen. */
  Map<String, Object> facts() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("polls", polls);
    m.put("failedPolls", failedPolls);
    if (lastFailure != null) m.put("lastFailure", lastFailure);
    m.put("writesSeen", seen.cardinality());
    m.put("writesNeverVisible", skipped + missingSince.size());
    return m;
  }

  /** Stops polling (after a last poll under way) and closes the client. */
  @Override
  public synchronized void close() throws InterruptedException {
    if (poller.isShutdown()) return;
    poller.shutdown();
    poller.awaitTermination(30, TimeUnit.SECONDS);
    clients.close();
  }
}
