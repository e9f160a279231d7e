package io.sanliu.bench;

import io.sanliu.ingest.kafka.EventPublisher;
import io.sanliu.model.config.Config;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends a {@link TrafficRecording} again at a fixed rate, each envelope stamped with the time it is
 * sent as its ingest time (what the gateway does when it publishes), with the gateway's producer
 * settings. One thread and no document building: the load generator costs little next to the job
 * under test, which the simulators (CEB XML, hashing, validation per document) do not.
 */
final class TrafficReplay implements SimulatedTraffic {
  private final TrafficRecording recording;
  private final double rate;
  private final KafkaProducer<byte[], byte[]> producer;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private final Thread sender;
  private volatile boolean stopped;
  private volatile long exhaustedAtNanos = -1;

  private TrafficReplay(TrafficRecording recording, double rate, Config config) {
    if (!(rate > 0)) throw new IllegalArgumentException("rate must be positive");
    this.recording = recording;
    this.rate = rate;
    this.producer =
        new KafkaProducer<>(
            EventPublisher.producerProperties(config),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    this.sender = new Thread(this::send, "traffic-replay");
  }

  /** Starts sending {@code recording} at {@code rate} records/s. */
  static TrafficReplay start(TrafficRecording recording, double rate, Config config) {
    TrafficReplay replay = new TrafficReplay(recording, rate, config);
    replay.sender.start();
    return replay;
  }

  private void send() {
    List<TrafficRecording.Recorded> records = recording.records();
    double nanosPerRecord = 1e9 / rate;
    long start = System.nanoTime();
    int next = 0;
    while (!stopped && next < records.size()) {
      long due = (long) ((System.nanoTime() - start) / nanosPerRecord) + 1;
      if (due <= next) {
        // Under a millisecond ahead: a short park keeps the pace without spinning a core.
        LockSupport.parkNanos(200_000);
        continue;
      }
      Instant now = Instant.now();
      byte[] stamp = stamp(now);
      for (int end = (int) Math.min(due, records.size()); next < end && !stopped; next++) {
        TrafficRecording.Recorded r = records.get(next);
        byte[] value = r.value();
        if (r.stampAt() >= 0) {
          value = value.clone();
          System.arraycopy(stamp, 0, value, r.stampAt(), stamp.length);
        }
        producer.send(
            new ProducerRecord<>(r.topic(), r.key(), value),
            (meta, e) -> {
              if (e == null) return;
              failed.incrementAndGet();
              firstFailure.compareAndSet(null, e);
            });
        sent.incrementAndGet();
      }
    }
    if (next >= records.size()) exhaustedAtNanos = System.nanoTime();
  }

  /** {@code instant} as {@code 2026-11-23T01:04:42.123456789Z}: always nine fraction digits. */
  static byte[] stamp(Instant instant) {
    String seconds = instant.truncatedTo(ChronoUnit.SECONDS).toString(); // ...T01:04:42Z
    String text =
        seconds.substring(0, seconds.length() - 1)
            + String.format(Locale.ROOT, ".%09dZ", instant.getNano());
    if (text.length() != TrafficRecording.STAMP_WIDTH) {
      throw new IllegalStateException("an instant outside years 1000-9999: " + text);
    }
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public long documents() {
    return sent.get();
  }

  /** Whether every recorded record was sent before the replay was stopped. */
  boolean exhausted() {
    return exhaustedAtNanos >= 0;
  }

  @Override
  public List<String> summaries() {
    return List.of(
        String.format(
            Locale.ROOT,
            "replay of %,d recorded records at %,.0f/s: %,d sent, %,d failed%s%s",
            recording.size(),
            rate,
            sent.get(),
            failed.get(),
            exhausted() ? ", the recording ran out" : "",
            firstFailure.get() == null ? "" : " (first: " + firstFailure.get() + ")"));
  }

  /** Stops sending and waits for what was sent to be acknowledged. */
  @Override
  public void close() {
    stopped = true;
    try {
      sender.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close();
  }
}
