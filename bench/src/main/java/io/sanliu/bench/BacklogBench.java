package io.sanliu.bench;

import io.sanliu.elastic.ElasticClients;
import io.sanliu.embedded.ConsumerGroupOffsets;
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
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A job's sustained rate over a backlog already in Kafka, against a plain consumer reading and
 * parsing the same records: how much of what Kafka and JSON allow the job keeps. The job runs over
 * the whole backlog once per repetition, from the earliest offsets, with its consumer group emptied
 * first; it is timed from when the last of its tasks switched to RUNNING (start-up over, {@link
 * TasksRunning}; the time from the job's RUNNING is printed too) until a checkpoint triggered once
 * its sources had taken every record completed ({@link CaughtUpCheckpoint}): everything read went
 * through every operator and sink by then. The job checkpoints at its interval besides. Afterwards,
 * untimed, the group's committed offsets must cover the backlog.
 */
final class BacklogBench {
  private static final long REST_POLL_NANOS = 1_000_000_000L;

  /**
   * The job under test.
   *
   * @param name the result's name
   * @param inputs the topics it reads (the backlog)
   * @param job the job for a repetition; its Kafka sources commit to {@code "sanliu-" + name()}
   * @param description what the job does, for the result's notes
   * @param outputIndices the Elasticsearch indices the job writes, deleted before each run (warm-up
   *     or measured): every run then writes new documents, as the first did and as the deployed job
   *     does, instead of overwriting the last run's
   */
  record Subject(
      String name,
      List<Topic<?>> inputs,
      IntFunction<SanliuJob> job,
      String description,
      List<String> outputIndices) {}

  private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(60);

  private final Config config;
  private final LocalFlinkCluster flink;
  private final UnaryOperator<SanliuJob> deployment;
  private final Trials trials;
  private final PrintStream progress;
  private final Duration checkpointInterval;
  private final Map<String, Object> checkpoints = new HashMap<>();
  private final Map<String, Object> vertexLoad = new HashMap<>();
  private final Map<String, Object> cpu = new HashMap<>();
  private final Supplier<Duration> elasticsearchCpu;

  /**
   * @param config the stack's configuration with what the job needs (e.g. the matcher's deadlines
   *     for the traffic's zone)
   * @param deployment what the bench adds to the job (its checkpoint storage)
   * @param checkpointInterval the job's checkpoint interval (a cost: every checkpoint snapshots the
   *     job's state)
   * @param elasticsearchCpu the CPU time the Elasticsearch server has used so far
   */
  BacklogBench(
      Config config,
      LocalFlinkCluster flink,
      UnaryOperator<SanliuJob> deployment,
      Trials trials,
      PrintStream progress,
      Duration checkpointInterval,
      Supplier<Duration> elasticsearchCpu) {
    this.config = config;
    this.elasticsearchCpu = elasticsearchCpu;
    this.flink = flink;
    this.deployment = deployment;
    this.trials = trials;
    this.progress = progress;
    this.checkpointInterval = checkpointInterval;
  }

  /**
   * The consume baseline ({@code consumeName}) and the job, in turns, over everything its topics
   * hold.
   */
  List<BenchResult> run(
      String consumeName,
      Subject subject,
      Map<TopicPartition, Long> backlog,
      int repetitions,
      int jobWarmups)
      throws Exception {
    if (jobWarmups < 1) throw new IllegalArgumentException("at least one warm-up run of the job");
    long docs = ConsumerGroupOffsets.total(backlog);
    int partitions = backlog.size();
    List<BenchResult> results =
        trials.measureInTurns(
            repetitions,
            List.of(
                new Trials.Spec(
                    consumeName,
                    "docs",
                    rep -> consume(subject.inputs(), backlog, 0.2),
                    rep -> consume(subject.inputs(), backlog, 1.0),
                    String.format(
                        Locale.ROOT,
                        "one KafkaConsumer, assign + seek to the start of the %d partitions of %s,"
                            + " each value parsed with its topic's deserialize; %,d docs",
                        partitions,
                        subject.inputs().stream().map(Topic::name).toList(),
                        docs)),
                new Trials.Spec(
                    subject.name(),
                    "docs",
                    // Whole runs first, uncounted, as the consumer's warm-up: the first run of a
                    // job in the JVM was a third slower than the next, and a profile showed the
                    // JIT compiler busy for half a core through three more runs.
                    rep -> {
                      Repetition last = null;
                      for (int w = 0; w < jobWarmups; w++) last = runJob(subject, backlog, rep);
                      return last;
                    },
                    rep -> runJob(subject, backlog, rep),
                    String.format(
                        Locale.ROOT,
                        "%s, parallelism %d, its consumer group emptied and the topics read from"
                            + " the earliest offset; sustained rate: the whole backlog over the"
                            + " time from when the last of its tasks switched to RUNNING"
                            + " (start-up over) until a checkpoint triggered once the"
                            + " sources had taken every record completed (checkpoints every %.1f s"
                            + " besides); the group's committed offsets checked afterwards",
                        subject.description(),
                        config.getInt(ConfigKey.FLINK_PARALLELISM),
                        checkpointInterval.toMillis() / 1000.0))));
    return List.of(results.get(0), results.get(1).comparedWith(consumeName));
  }

  /**
   * Waits, untimed, until the job's group has committed every offset of the backlog: the proof that
   * the run covered it. The Kafka source commits up to ten seconds after a checkpoint when it has
   * nothing more to read ({@link CaughtUpCheckpoint}).
   */
  private static void awaitCommitted(
      ConsumerGroupOffsets offsets, String group, Map<TopicPartition, Long> backlog)
      throws Exception {
    long deadline = System.nanoTime() + COMMIT_TIMEOUT.toNanos();
    while (offsets.lag(group, backlog) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the run ended, but "
                + group
                + " has not committed the whole backlog after "
                + COMMIT_TIMEOUT.toSeconds()
                + " s: "
                + offsets.lagByTopic(group, backlog));
      }
      Thread.sleep(200);
    }
  }

  /** Busy, back-pressured and idle time per vertex of each job run, by job name and repetition. */
  Map<String, Object> vertexLoad() {
    return Map.copyOf(vertexLoad);
  }

  /**
   * CPU seconds of this JVM (the job, the Kafka broker, the bench) and of the Elasticsearch server
   * over each timed job run, by job name and repetition: on a shared machine, where its time went.
   */
  Map<String, Object> cpu() {
    return Map.copyOf(cpu);
  }

  /** Checkpoint statistics of each job run, by job name and repetition. */
  Map<String, Object> checkpoints() {
    return Map.copyOf(checkpoints);
  }

  /** Deletes the indices a run writes, untimed; the index templates shape them again. */
  static void deleteIndices(Config config, List<String> indices) throws Exception {
    if (indices.isEmpty()) return;
    try (ElasticClients clients = ElasticClients.connect(config)) {
      clients.blocking().indices().delete(d -> d.index(indices).ignoreUnavailable(true));
    }
  }

  /** Reads {@code share} of each partition from its start and parses every value. */
  private Repetition consume(
      List<Topic<?>> inputs, Map<TopicPartition, Long> backlog, double share) {
    Map<String, Topic<?>> topics =
        inputs.stream().collect(Collectors.toMap(Topic::name, Function.identity()));
    Map<TopicPartition, Long> until = new HashMap<>();
    backlog.forEach((tp, end) -> until.put(tp, (long) Math.ceil(end * share)));
    long expected = ConsumerGroupOffsets.total(until);
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

  /** Runs the job over the whole backlog, its consumer group emptied first. */
  private Repetition runJob(Subject subject, Map<TopicPartition, Long> backlog, int rep)
      throws Exception {
    SanliuJob job = subject.job().apply(rep);
    String group = "sanliu-" + job.name();
    deleteIndices(config, subject.outputIndices());
    Config jobConfig =
        config.with(
            ConfigKey.FLINK_CHECKPOINT_INTERVAL_MS, String.valueOf(checkpointInterval.toMillis()));
    try (ConsumerGroupOffsets offsets =
        new ConsumerGroupOffsets(config.get(ConfigKey.KAFKA_BOOTSTRAP))) {
      // Offsets an earlier run committed would read as already caught up.
      offsets.forget(group);
      JobID id = flink.submit(deployment.apply(job), jobConfig);
      try {
        JobStatus status = flink.awaitRunning(id, 60_000);
        if (status != JobStatus.RUNNING) throw new IllegalStateException(job.name() + " " + status);
        long started = System.nanoTime();
        long startedMillis = System.currentTimeMillis();
        CpuClock cpuAtStart = CpuClock.now(elasticsearchCpu);
        long deadline = started + JOB_TIMEOUT.toNanos();
        CaughtUpCheckpoint end =
            new CaughtUpCheckpoint(flink, id, ConsumerGroupOffsets.total(backlog));
        long lastRestPoll = 0;
        while (!end.ended()) {
          Thread.sleep(200);
          // The sources' counters as soon as they show (Flink refreshes its metrics every second),
          // so the last checkpoint is triggered without delay.
          end.poll();
          // The rest of Flink's REST API at most once a second: its handlers and the metric
          // fetches they cause run in the job's JVM (polling every 200 ms took a seventh of the
          // job's CPU samples).
          if (System.nanoTime() - lastRestPoll < REST_POLL_NANOS) continue;
          lastRestPoll = System.nanoTime();
          // A restart replays from the last checkpoint: the timing would no longer mean anything.
          status = flink.status(id);
          if (status != JobStatus.RUNNING || System.nanoTime() > deadline) {
            throw new IllegalStateException(
                String.format(
                    Locale.ROOT,
                    "%s is %s after %.0f s with %,d docs to go (%s); checkpoints %s; last failure %s",
                    job.name(),
                    status,
                    (System.nanoTime() - started) / 1e9,
                    offsets.lag(group, backlog),
                    offsets.lagByTopic(group, backlog),
                    CheckpointStats.of(flink, id),
                    flink.lastFailure(id)));
          }
        }
        // The end as Flink saw it, on the bench's clock.
        long ended = started + (end.endedAtMillis() - startedMillis) * 1_000_000L;
        Map<String, Object> used = CpuClock.now(elasticsearchCpu).since(cpuAtStart);
        cpu.put(job.name() + "#" + rep, used);
        awaitCommitted(offsets, group, backlog);
        long nanos = ended - started;
        checkpoints.put(job.name() + "#" + rep, CheckpointStats.of(flink, id));
        // At the end, so the record counts are the run's (and no query competes with the job).
        Map<String, Object> load = VertexLoad.of(flink, id);
        vertexLoad.put(job.name() + "#" + rep, load);
        load.forEach((vertex, ms) -> progress.println("    " + ms + " " + vertex));
        long total = ConsumerGroupOffsets.total(backlog);
        progress.printf(
            Locale.ROOT,
            "    from RUNNING: %,d docs in %.2f s = %,.0f/s; checkpoints %s, %d of them triggered;"
                + " CPU seconds until the end was seen %s%n",
            total,
            nanos / 1e9,
            total / (nanos / 1e9),
            checkpoints.get(job.name() + "#" + rep),
            end.triggered(),
            used);
        // Sustained: the whole backlog, from when the last task switched to RUNNING (start-up
        // over) until the end, both timestamps Flink's own.
        long tasksRunning = TasksRunning.at(flink, id);
        long sustainedMillis = end.endedAtMillis() - tasksRunning;
        progress.printf(
            Locale.ROOT,
            "    from the last task RUNNING (%.2f s after the job): %,d docs in %.2f s = %,.0f/s%n",
            (tasksRunning - startedMillis) / 1000.0,
            total,
            sustainedMillis / 1000.0,
            total / (sustainedMillis / 1000.0));
        if (sustainedMillis <= 0) return new Repetition(total, -1, nanos);
        return new Repetition(total, -1, sustainedMillis * 1_000_000L);
      } finally {
        flink.cancel(id);
      }
    }
  }
}
