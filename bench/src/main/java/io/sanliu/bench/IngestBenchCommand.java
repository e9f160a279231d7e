package io.sanliu.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.embedded.EmbeddedKafka;
import io.sanliu.embedded.TopicProvisioner;
import io.sanliu.ingest.IngestServer;
import io.sanliu.ingest.auth.Sender;
import io.sanliu.ingest.auth.SenderRegistry;
import io.sanliu.ingest.auth.SenderRole;
import io.sanliu.ingest.json.DocumentReader;
import io.sanliu.ingest.json.ReaderCatalog;
import io.sanliu.ingest.kafka.EventPublisher;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The ingest gateway against the raw Kafka producer, on the same orders, in one run: batches and
 * single documents over HTTP (validated, hashed, published with acks=all, answered after the
 * acknowledgement) against producing the envelopes the gateway would produce.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Measures the ingest gateway (HTTP batch and single posts) against raw Kafka produce.")
public final class IngestBenchCommand implements Callable<Integer> {
  static final String RAW = "kafka.produce.same-records";
  static final String BATCH = "ingest.http.batch";
  static final String SINGLE = "ingest.http.single";

  @Option(
      names = "--events",
      defaultValue = "40000",
      description = "Orders per repetition of the raw and batch runs (default ${DEFAULT-VALUE}).")
  int events;

  @Option(
      names = "--singles",
      defaultValue = "8000",
      description = "Orders per repetition of the single-post run (default ${DEFAULT-VALUE}).")
  int singles;

  @Option(
      names = "--batch-size",
      defaultValue = "500",
      description = "Orders per batch message (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--clients",
      defaultValue = "4",
      description = "Concurrent HTTP clients posting batches (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--single-clients",
      defaultValue = "16",
      description = "Concurrent HTTP clients posting single orders (default ${DEFAULT-VALUE}).")
  int singleClients;

  @Option(
      names = "--repetitions",
      defaultValue = "3",
      description = "Measured repetitions; the median is reported (default ${DEFAULT-VALUE}).")
  int repetitions;

  @Option(
      names = "--output-dir",
      description = "Where the JSON results go (default: bench/target/bench-results).")
  Path outputDir;

  private static final String KEY = "bench-platform-key";
  private final AtomicInteger run = new AtomicInteger();

  @Override
  public Integer call() throws Exception {
    PrintStream progress = System.err;
    BenchReport report = new BenchReport("ingest", Instant.now(), MachineInfo.describe());
    report
        .parameter("events", events)
        .parameter("singles", singles)
        .parameter("batchSize", batchSize)
        .parameter("clients", clients)
        .parameter("singleClients", singleClients)
        .parameter("repetitions", repetitions);
    Trials trials = new Trials(progress);
    double p50;
    double p99;
    Path work =
        Files.createTempDirectory(
            "sanliu-bench-ingest-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    Vertx vertx = Vertx.vertx();
    try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0)) {
      Config config =
          Config.defaults()
              .with(
                  Map.of(
                      ConfigKey.KAFKA_BOOTSTRAP,
                      kafka.bootstrapServers(),
                      ConfigKey.INGEST_PORT,
                      "0"));
      TopicProvisioner.ensureAll(kafka.bootstrapServers(), config);
      IngestServer gateway =
          new IngestServer(
              vertx,
              config,
              new SenderRegistry(
                  Map.of(KEY, new Sender(GatewayOrders.PLATFORM, SenderRole.PLATFORM))));
      gateway.start().toCompletionStage().toCompletableFuture().get();
      URI uri = URI.create("http://127.0.0.1:" + gateway.port() + "/ingest/v1/orders");
      DocumentReader<?> reader =
          new ReaderCatalog(PersonalDataHasher.from(config)).forType(EventType.ORDER);
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(
              EventPublisher.producerProperties(config),
              new ByteArraySerializer(),
              new ByteArraySerializer())) {
        List<BenchResult> throughput =
            trials.measureInTurns(
                repetitions,
                List.of(
                    new Trials.Spec(
                        RAW,
                        "events",
                        rep -> raw(producer, reader, Math.max(1, events / 4)),
                        rep -> raw(producer, reader, events),
                        "the envelopes the gateway would publish (built beforehand), serialised and sent by a producer with the gateway's settings (acks=all, idempotent, lz4)"),
                    new Trials.Spec(
                        BATCH,
                        "events",
                        rep -> batches(uri, Math.max(batchSize, events / 4)),
                        rep -> batches(uri, events),
                        clients
                            + " clients posting JSON arrays of "
                            + batchSize
                            + " orders; each answered 202 after Kafka acknowledged every record and the receipt")));
        report.add(throughput.get(0));
        report.add(throughput.get(1).comparedWith(RAW));
        List<long[]> latencies = new ArrayList<>();
        BenchResult single =
            trials.measure(
                SINGLE,
                "events",
                repetitions,
                rep -> singles(uri, Math.max(100, singles / 4), null),
                rep -> singles(uri, singles, latencies),
                singleClients + " clients posting one order per request");
        report.add(single.comparedWith(RAW));
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        p50 = all[all.length / 2] / 1e6;
        p99 = all[(int) (all.length * 0.99)] / 1e6;
        report.environment("singlePostLatencyP50Ms", p50);
        report.environment("singlePostLatencyP99Ms", p99);
        report.environment("singlePostLatencyMaxMs", all[all.length - 1] / 1e6);
      } finally {
        gateway.close();
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
    report.environment("loadAverageAtEnd", MachineInfo.loadAverage());
    report.finished(Instant.now());
    System.out.println();
    System.out.println(ResultTable.render(report));
    System.out.printf(
        Locale.ROOT,
        "single post latency: p50 %.1f ms, p99 %.1f ms (%d clients)%n",
        p50,
        p99,
        singleClients);
    Path file =
        report.write(outputDir != null ? outputDir : Path.of("bench", "target", "bench-results"));
    System.out.println("Results: " + file.toAbsolutePath());
    return 0;
  }

  private String nextPrefix() {
    return "B" + ProcessHandle.current().pid() + "-" + run.incrementAndGet();
  }

  /** The envelopes the gateway would publish, built before the clock starts. */
  private Repetition raw(
      KafkaProducer<byte[], byte[]> producer, DocumentReader<?> reader, int count)
      throws Exception {
    Instant now = Instant.now();
    List<Envelope<Order>> envelopes = new ArrayList<>(count);
    for (ObjectNode doc : GatewayOrders.make(nextPrefix(), count, run.get())) {
      @SuppressWarnings("unchecked")
      Order order = ((DocumentReader.Result<Order>) reader.read(doc)).event();
      envelopes.add(Envelope.of(EventType.ORDER, GatewayOrders.PLATFORM, order.guid(), now, order));
    }
    long bytes = 0;
    AtomicLong failed = new AtomicLong();
    long t0 = System.nanoTime();
    for (Envelope<Order> e : envelopes) {
      byte[] value = Topics.ORDERS.serialize(e);
      bytes += value.length;
      producer.send(
          new ProducerRecord<>(
              Topics.ORDERS.name(), e.key().getBytes(StandardCharsets.UTF_8), value),
          (md, err) -> {
            if (err != null) failed.incrementAndGet();
          });
    }
    producer.flush();
    long nanos = System.nanoTime() - t0;
    if (failed.get() > 0) throw new IllegalStateException(failed.get() + " raw sends failed");
    return new Repetition(count, bytes, nanos);
  }

  private Repetition batches(URI uri, int count) throws Exception {
    List<ObjectNode> docs = GatewayOrders.make(nextPrefix(), count, run.get());
    List<byte[]> bodies = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < docs.size(); i += batchSize) {
      byte[] body =
          io.sanliu.model.Json.mapper()
              .writeValueAsBytes(docs.subList(i, Math.min(docs.size(), i + batchSize)));
      bodies.add(body);
      bytes += body.length;
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicInteger next = new AtomicInteger();
    AtomicLong accepted = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long t0 = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      work.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement();
                    i < bodies.size();
                    i = next.getAndIncrement()) {
                  HttpResponse<String> r = post(http, uri, bodies.get(i));
                  if (r.statusCode() != 202)
                    throw new IllegalStateException(
                        "batch answered " + r.statusCode() + ": " + r.body());
                  accepted.addAndGet(Math.min(batchSize, count - (long) i * batchSize));
                }
                return null;
              }));
    }
    for (Future<?> f : work) f.get();
    long nanos = System.nanoTime() - t0;
    pool.shutdown();
    return new Repetition(accepted.get(), bytes, nanos);
  }

  private Repetition singles(URI uri, int count, List<long[]> latencies) throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    long bytes = 0;
    for (ObjectNode doc : GatewayOrders.make(nextPrefix(), count, run.get())) {
      byte[] body = io.sanliu.model.Json.mapper().writeValueAsBytes(doc);
      bodies.add(body);
      bytes += body.length;
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long[] took = new long[count];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(singleClients);
    long t0 = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < singleClients; c++) {
      work.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  long s = System.nanoTime();
                  HttpResponse<String> r = post(http, uri, bodies.get(i));
                  took[i] = System.nanoTime() - s;
                  if (r.statusCode() != 202)
                    throw new IllegalStateException(
                        "single answered " + r.statusCode() + ": " + r.body());
                }
                return null;
              }));
    }
    for (Future<?> f : work) f.get();
    long nanos = System.nanoTime() - t0;
    pool.shutdown();
    if (latencies != null) latencies.add(took);
    return new Repetition(count, bytes, nanos);
  }

  private static HttpResponse<String> post(HttpClient http, URI uri, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("X-Api-Key", KEY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
