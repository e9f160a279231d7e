package io.sanliu.bench;

import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.kafka.Topic;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The matcher's sustained rate over a backlog already in Kafka (orders, payments, customs lists,
 * waybills), against a plain consumer reading and parsing the same records: how much of what Kafka
 * and JSON allow the matching stage keeps.
 */
final class MatchingBench {
  static final String CONSUME = "kafka.consume.backlog";
  static final String MATCH = "matching.backlog";

  /**
   * The matching job's checkpoint interval: it commits the offsets by which the bench sees the
   * backlog consumed, so it is the resolution of the timing.
   */
  static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

  private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration MATCH_TIMEOUT = Duration.ofMinutes(10);

  private final Config config;
  private final LocalFlinkCluster flink;
  private final UnaryOperator<SanliuJob> deployment;
  private final Trials trials;
  private final PrintStream progress;
  private final Map<String, Object> checkpoints = new HashMap<>();

  /**
   * @param config the stack's configuration with the matcher's deadlines for the traffic's zone
   * @param deployment what the bench adds to the job (its checkpoint storage)
   */
  MatchingBench(
      Config config,
      LocalFlinkCluster flink,
      UnaryOperator<SanliuJob> deployment,
      Trials trials,
      PrintStream progress) {
    this.config = config;
    this.flink = flink;
    this.deployment = deployment;
    this.trials = trials;
    this.progress = progress;
  }

  /** The consume baseline and the matcher, in turns, over everything the four topics hold. */
  List<BenchResult> run(Map<TopicPartition, Long> backlog, int repetitions) throws Exception {
    long docs = KafkaOffsets.total(backlog);
    int partitions = backlog.size();
    List<BenchResult> results =
        trials.measureInTurns(
            repetitions,
            List.of(
                new Trials.Spec(
                    CONSUME,
                    "docs",
                    rep -> consume(backlog, 0.2),
                    rep -> consume(backlog, 1.0),
                    String.format(
                        Locale.ROOT,
                        "one KafkaConsumer, assign + seek to the start of the %d partitions of the"
                            + " four topics, each value parsed with its topic's deserialize;"
                            + " %,d docs",
                        partitions,
                        docs)),
                new Trials.Spec(
                    MATCH,
                    "docs",
                    null,
                    rep -> match(backlog, rep),
                    String.format(
                        Locale.ROOT,
                        "MatchingOnlyJob (KafkaStreams.read x4 + ParcelMatching.outcomes, match"
                            + " docs to %s, outcomes discarded), parallelism %d, a new consumer"
                            + " group from the earliest offset; timed from RUNNING until the group"
                            + " committed every offset (checkpoints every %d s)",
                        io.sanliu.model.elastic.Indices.MATCHES,
                        config.getInt(ConfigKey.FLINK_PARALLELISM),
                        CHECKPOINT_INTERVAL.toSeconds()))));
    return List.of(results.get(0), results.get(1).comparedWith(CONSUME));
  }

  /** Checkpoint statistics of each matching run, by job name. */
  Map<String, Object> checkpoints() {
    return Map.copyOf(checkpoints);
  }

  /** Reads {@code share} of each partition from its start and parses every value. */
  private Repetition consume(Map<TopicPartition, Long> backlog, double share) {
    Map<String, Topic<?>> topics =
        MatchingOnlyJob.INPUT.stream().collect(Collectors.toMap(Topic::name, Function.identity()));
    Map<TopicPartition, Long> until = new HashMap<>();
    backlog.forEach((tp, end) -> until.put(tp, (long) Math.ceil(end * share)));
    long expected = KafkaOffsets.total(until);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            KafkaBaselines.consumerProperties(config.get(ConfigKey.KAFKA_BOOTSTRAP)),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> open = new ArrayList<>();
      until.forEach(
          (tp, end) -> {
            if (end > 0) open.add(tp);
          });
      consumer.assign(open);
      consumer.seekToBeginning(open);
      long count = 0;
      long bytes = 0;
      long started = System.nanoTime();
      long deadline = started + CONSUME_TIMEOUT.toNanos();
      while (!open.isEmpty()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          TopicPartition tp = new TopicPartition(r.topic(), r.partition());
          if (r.offset() >= until.get(tp)) continue;
          topics.get(r.topic()).deserialize(r.value());
          bytes += r.value().length;
          count++;
        }
        open.removeIf(tp -> consumer.position(tp) >= until.get(tp));
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("read only " + count + " of " + expected + " docs");
        }
      }
      long nanos = System.nanoTime() - started;
      if (count != expected) {
        throw new IllegalStateException("read " + count + " docs, expected " + expected);
      }
      return new Repetition(count, bytes, nanos);
    }
  }

  /** Runs the matching stage over the whole backlog, as a new job with a group of its own. */
  private Repetition match(Map<TopicPartition, Long> backlog, int rep) throws Exception {
    MatchingOnlyJob job = new MatchingOnlyJob("bench-matching-" + rep);
    Config jobConfig =
        config.with(
            ConfigKey.FLINK_CHECKPOINT_INTERVAL_MS, String.valueOf(CHECKPOINT_INTERVAL.toMillis()));
    JobID id = flink.submit(deployment.apply(job), jobConfig);
    try (KafkaOffsets offsets = new KafkaOffsets(config.get(ConfigKey.KAFKA_BOOTSTRAP))) {
      JobStatus status = flink.awaitRunning(id, 60_000);
      if (status != JobStatus.RUNNING) throw new IllegalStateException(job.name() + " " + status);
      long started = System.nanoTime();
      long deadline = started + MATCH_TIMEOUT.toNanos();
      while (offsets.lag(job.group(), backlog) > 0) {
        // A restart replays from the last checkpoint: the timing would no longer mean anything.
        status = flink.status(id);
        if (status != JobStatus.RUNNING || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              String.format(
                  Locale.ROOT,
                  "%s is %s after %.0f s with %,d docs to go; checkpoints %s",
                  job.name(),
                  status,
                  (System.nanoTime() - started) / 1e9,
                  offsets.lag(job.group(), backlog),
                  CheckpointStats.of(flink, id)));
        }
        Thread.sleep(200);
      }
      long nanos = System.nanoTime() - started;
      checkpoints.put(job.name(), CheckpointStats.of(flink, id));
      return new Repetition(KafkaOffsets.total(backlog), -1, nanos);
    } finally {
      flink.cancel(id);
    }
  }
}
