package io.sanliu.api.credit;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.api.ElasticCalls;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.elastic.Indices;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads what the credit job wrote: a participant's current profile ({@code sanliu-credit}, id: its
 * code), its score history ({@code sanliu-credit-history}), the grade distribution and the latest
 * downgrades.
 */
public final class CreditProfiles {
  /** History entries read to find the latest downgrades (each grade change is one of them). */
  static final int DOWNGRADE_SCAN = 1_000;

  /** One page of a participant's history, newest first, and how many entries it has in all. */
  record History(List<ObjectNode> entries, long total) {}

  /** Participants per grade: overall, and per participant type (one may be of several types). */
  record Distribution(Map<Grade, Long> grades, Map<Participant, Map<Grade, Long>> byParticipant) {}

  private final ElasticsearchAsyncClient client;
  private final ElasticCalls calls;

  public CreditProfiles(ElasticsearchAsyncClient client, ElasticCalls calls) {
    this.client = client;
    this.calls = calls;
  }

  /** The participant's current profile, or empty when the credit job has none. */
  public Future<Optional<ObjectNode>> current(String code) {
    return calls
        .call(
            Indices.CREDIT + ".search",
            () ->
                client.search(
                    s ->
                        s.index(Indices.CREDIT)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(1)
                            .query(term("code", code)),
                    ObjectNode.class))
        .map(r -> r.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).findFirst());
  }

  /** The newest {@code size} revisions of the participant's score. */
  Future<History> history(String code, int size) {
    return calls
        .call(
            Indices.CREDIT_HISTORY + ".search",
            () ->
                client.search(
                    s ->
                        s.index(Indices.CREDIT_HISTORY)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(size)
                            .trackTotalHits(t -> t.enabled(true))
                            .query(term("code", code))
                            .sort(o -> o.field(f -> f.field("revision").order(SortOrder.Desc))),
                    ObjectNode.class))
        .map(
            r ->
                new History(
                    r.hits().hits().stream().map(Hit::source).filter(Objects::nonNull).toList(),
                    r.hits().total() == null ? 0 : r.hits().total().value()));
  }

  /** Participants per grade, counted in Elasticsearch; {@code participant} narrows it to a type. */
  Future<Distribution> distribution(Participant participant) {
    Query query =
        participant == null
            ? Query.of(q -> q.matchAll(m -> m))
            : term("participants", participant.name());
    return calls
        .call(
            Indices.CREDIT + ".aggregate",
            () ->
                client.search(
                    s ->
                        s.index(Indices.CREDIT)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(0)
                            .query(query)
                            .aggregations(
                                "grade",
                                a ->
                                    a.terms(t -> t.field("grade").size(Grade.values().length))
                                        .aggregations(
                                            "participant",
                                            p ->
                                                p.terms(
                                                    t ->
                                                        t.field("participants")
                                                            .size(Participant.values().length)))),
                    Void.class))
        .map(
            r -> {
              Map<Grade, Long> grades = new EnumMap<>(Grade.class);
              Map<Participant, Map<Grade, Long>> by = new EnumMap<>(Participant.class);
              for (Grade g : Grade.values()) grades.put(g, 0L);
              Aggregate agg = r.aggregations() == null ? null : r.aggregations().get("grade");
              if (agg == null) return new Distribution(grades, by);
              for (StringTermsBucket b : agg.sterms().buckets().array()) {
                Grade grade = Grade.valueOf(b.key().stringValue());
                grades.put(grade, b.docCount());
                for (StringTermsBucket p :
                    b.aggregations().get("participant").sterms().buckets().array()) {
                  Participant type = Participant.valueOf(p.key().stringValue());
                  if (participant != null && type != participant) continue;
                  by.computeIfAbsent(type, t -> zeros()).put(grade, p.docCount());
                }
              }
              return new Distribution(grades, by);
            });
  }

  /**
   * The latest downgrades, newest first: history entries whose previous grade is better than their
   * grade, one per grade change. Every revision after a change repeats its {@code previousGrade}
   * and {@code gradeSince}; the first of them (lowest revision) is the change itself.
   */
  Future<List<ObjectNode>> downgrades(Participant participant, int size) {
    List<Query> filters = new ArrayList<>();
    filters.add(Query.of(q -> q.exists(e -> e.field("previousGrade"))));
    if (participant != null) filters.add(term("participants", participant.name()));
    return calls
        .call(
            Indices.CREDIT_HISTORY + ".downgrades",
            () ->
                client.search(
                    s ->
                        s.index(Indices.CREDIT_HISTORY)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true)
                            .size(DOWNGRADE_SCAN)
                            .query(q -> q.bool(b -> b.filter(filters)))
                            .sort(o -> o.field(f -> f.field("gradeSince").order(SortOrder.Desc)))
                            .sort(o -> o.field(f -> f.field("code").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("revision").order(SortOrder.Asc))),
                    ObjectNode.class))
        .map(
            r -> {
              List<ObjectNode> out = new ArrayList<>();
              Set<String> seen = new HashSet<>();
              for (Hit<ObjectNode> h : r.hits().hits()) {
                ObjectNode p = h.source();
                if (p == null) continue;
                String change = p.path("code").asText() + "|" + p.path("gradeSince").asText();
                if (!seen.add(change)) continue;
                Grade from = Grade.valueOf(p.path("previousGrade").asText());
                Grade to = Grade.valueOf(p.path("grade").asText());
                if (!from.betterThan(to)) continue;
                out.add(p);
                if (out.size() == size) break;
              }
              return out;
            });
  }

  private static Map<Grade, Long> zeros() {
    Map<Grade, Long> out = new TreeMap<>();
    for (Grade g : Grade.values()) out.put(g, 0L);
    return out;
  }

  private static Query term(String field, String value) {
    return Query.of(q -> q.term(t -> t.field(field).value(value)));
  }
}
