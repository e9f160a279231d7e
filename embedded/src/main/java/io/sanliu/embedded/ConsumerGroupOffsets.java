package io.sanliu.embedded;

import io.sanliu.model.kafka.Topic;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where topics end and how far a consumer group has got, from the broker's admin API: what a job
 * has still to read (the benches, and tests that must know a job has read everything). A Flink
 * Kafka source commits its group's offsets when a checkpoint completes, so the group's position
 * moves in steps of the checkpoint interval and means "processed through every operator and sink".
 */
public final class ConsumerGroupOffsets implements AutoCloseable {
  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;

  public ConsumerGroupOffsets(String bootstrap) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "sanliu-group-offsets"));
  }

  /** The end (next offset to be written) of every partition of {@code topics}. */
  public Map<TopicPartition, Long> ends(Collection<Topic<?>> topics) throws Exception {
    List<String> names = topics.stream().map(Topic::name).toList();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription d :
        admin
            .describeTopics(names)
            .allTopicNames()
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .values()) {
      d.partitions()
          .forEach(
              p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .forEach((tp, info) -> out.put(tp, info.offset()));
    return out;
  }

  /** The offsets {@code group} committed; partitions it never committed are absent. */
  public Map<TopicPartition, Long> committed(String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, Long> out = new HashMap<>();
    offsets.forEach((tp, o) -> out.put(tp, o == null ? 0 : o.offset()));
    return out;
  }

  /** Records of {@code ends} that {@code group} has not committed yet. */
  public long lag(String group, Map<TopicPartition, Long> ends) throws Exception {
    return lagByTopic(group, ends).values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@link #lag} per topic, for the topics that are behind. */
  public Map<String, Long> lagByTopic(String group, Map<TopicPartition, Long> ends)
      throws Exception {
    Map<TopicPartition, Long> done = committed(group);
    Map<String, Long> out = new java.util.TreeMap<>();
    for (var e : ends.entrySet()) {
      long behind = Math.max(0, e.getValue() - done.getOrDefault(e.getKey(), 0L));
      if (behind > 0) out.merge(e.getKey().topic(), behind, Long::sum);
    }
    return out;
  }

  /**
   * Waits until {@code group} has committed everything up to {@code ends}, polling every {@code
   * every}.
   *
   * @return true if it did before {@code timeout}
   */
  public boolean awaitCaughtUp(
      String group, Map<TopicPartition, Long> ends, Duration every, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (lag(group, ends) > 0) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(every.toMillis());
    }
    return true;
  }

  /** Deletes {@code group} and the offsets it committed; nothing when there is no such group. */
  public void forget(String group) throws Exception {
    try {
      admin.deleteConsumerGroups(List.of(group)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
        throw e;
      }
    }
  }

  /** Records in {@code ends}, assuming every topic starts at offset 0 (nothing deleted yet). */
  public static long total(Map<TopicPartition, Long> ends) {
    return ends.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
