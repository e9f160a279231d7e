package io.sanliu.jobs.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule found, before it becomes an alert: what it is about, the explanation in both
 * languages, the evidence and a score. The subject makes the alert id: the same subject found again
 * (a replay, more evidence) gives the same alert.
 *
 * @param subject what the finding is about, unique within its rule (e.g. the order key, {@code
 *     buyer-hash/2026})
 * @param score 0-100, how far beyond the threshold
 * @param eventTime event time of the fact that raised it
 * @param sourceIngestTime when the gateway took in the document that raised it; may be null
 */
public record Finding(
    String subject,
    List<String> orderKeys,
    List<String> waybillKeys,
    String enterpriseCode,
    List<String> messageGuids,
    Map<String, String> entityKeys,
    String explanationZh,
    String explanationEn,
    Map<String, String> evidence,
    double score,
    Instant eventTime,
    Instant sourceIngestTime) {

  public Finding {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(explanationZh, "explanationZh");
    Objects.requireNonNull(explanationEn, "explanationEn");
    Objects.requireNonNull(eventTime, "eventTime");
    orderKeys = orderKeys == null ? List.of() : List.copyOf(orderKeys);
    waybillKeys = waybillKeys == null ? List.of() : List.copyOf(waybillKeys);
    messageGuids = messageGuids == null ? List.of() : List.copyOf(messageGuids);
    entityKeys = entityKeys == null ? Map.of() : Map.copyOf(entityKeys);
    evidence = evidence == null ? Map.of() : new LinkedHashMap<>(evidence);
    score = Math.max(0, Math.min(100, score));
  }

  public static Builder about(String subject) {
    return new Builder(subject);
  }

  /**
   * A score from how far a value is beyond its threshold: 50 at the threshold, 100 at twice (or
   * half, for {@code below}) the threshold and beyond.
   */
  public static double excessScore(double value, double threshold, boolean below) {
    if (threshold <= 0) return 100;
    double ratio = below ? (threshold - value) / threshold : (value - threshold) / threshold;
    return 50 + 50 * Math.max(0, Math.min(1, below ? ratio * 2 : ratio));
  }

  /** Builds a finding; every rule fills what it knows. */
  public static final class Builder {
    private final String subject;
    private final List<String> orderKeys = new ArrayList<>();
    private final List<String> waybillKeys = new ArrayList<>();
    private String enterpriseCode;
    // A set: a burst names a hundred guids, and a list's contains made that quadratic.
    private final Set<String> messageGuids = new LinkedHashSet<>();
    private final Map<String, String> entityKeys = new LinkedHashMap<>();
    private String zh;
    private String en;
    private final Map<String, String> evidence = new LinkedHashMap<>();
    private double score = 50;
    private Instant eventTime;
    private Instant ingestTime;

    private Builder(String subject) {
      this.subject = subject;
    }

    public Builder order(String key) {
      if (key != null && !orderKeys.contains(key)) orderKeys.add(key);
      return this;
    }

    public Builder orders(List<String> keys) {
      keys.forEach(this::order);
      return this;
    }

    public Builder waybill(String key) {
      if (key != null && !waybillKeys.contains(key)) waybillKeys.add(key);
      return this;
    }

    public Builder enterprise(String code) {
      this.enterpriseCode = code;
      return this;
    }

    public Builder messageGuid(String guid) {
      if (guid != null) messageGuids.add(guid);
      return this;
    }

    /** A subject by role; personal ones only as keyed hashes. */
    public Builder entity(String role, String key) {
      if (key != null) entityKeys.put(role, key);
      return this;
    }

    public Builder explain(String zh, String en) {
      this.zh = zh;
      this.en = en;
      return this;
    }

    public Builder evidence(String name, Object value) {
      if (value != null) evidence.put(name, value.toString());
      return this;
    }

    public Builder score(double score) {
      this.score = score;
      return this;
    }

    public Builder at(Instant eventTime) {
      this.eventTime = eventTime;
      return this;
    }

    public Builder ingestedAt(Instant ingestTime) {
      this.ingestTime = ingestTime;
      return this;
    }

    public Finding build() {
      return new Finding(
          subject,
          orderKeys,
          waybillKeys,
          enterpriseCode,
          List.copyOf(messageGuids),
          entityKeys,
          zh,
          en,
          evidence,
          score,
          eventTime,
          ingestTime);
    }
  }
}
