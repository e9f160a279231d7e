package io.sanliu.simulator.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sanliu.model.Json;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.simulation.GroundTruth;
import io.sanliu.model.simulation.NegativeListEntry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Where the ground truth goes: one JSON object per line in a file (and the negative list in a file
 * of its own), and the topics {@code sanliu.simulator-truth} and {@code sanliu.negative-list} when
 * a producer is given. Either may be absent. The zone's exchange rates, reference data that no
 * participant pushes through the gateway, go this way too: to {@code sanliu.fx-rates}, with a
 * producer only.
 */
public final class TruthSink implements AutoCloseable {
  private final BufferedWriter truthFile;
  private final Path negativeListFile;
  private final Producer<byte[], byte[]> producer;
  private final Consumer<String> log;
  private final AtomicLong written = new AtomicLong();

  /**
   * @param truthFile JSON lines of {@link GroundTruth}, replaced; null for none
   * @param negativeListFile JSON lines of {@link NegativeListEntry}, replaced; null for none
   * @param producer for the topics; null for none
   */
  public TruthSink(
      Path truthFile,
      Path negativeListFile,
      Producer<byte[], byte[]> producer,
      Consumer<String> log) {
    this.negativeListFile = negativeListFile;
    this.producer = producer;
    this.log = log;
    try {
      if (truthFile != null && truthFile.toAbsolutePath().getParent() != null) {
        Files.createDirectories(truthFile.toAbsolutePath().getParent());
      }
      this.truthFile =
          truthFile == null ? null : Files.newBufferedWriter(truthFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ground truth to " + truthFile, e);
    }
  }

  /** Writes the zone's negative list (before any traffic). */
  public void negativeList(List<NegativeListEntry> entries) {
    if (negativeListFile != null) {
      StringBuilder sb = new StringBuilder();
      for (NegativeListEntry e : entries) sb.append(json(e)).append('\n');
      try {
        if (negativeListFile.toAbsolutePath().getParent() != null) {
          Files.createDirectories(negativeListFile.toAbsolutePath().getParent());
        }
        Files.writeString(negativeListFile, sb, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the negative list to " + negativeListFile, e);
      }
    }
    if (producer != null) {
      for (NegativeListEntry e : entries) {
        send(NegativeListEntry.TOPIC.name(), e.key(), NegativeListEntry.TOPIC.serialize(e));
      }
      producer.flush();
    }
  }

  /** Publishes exchange rates of the zone's FX feed (nothing without a producer). */
  public void fxRates(List<FxRate> rates) {
    if (producer == null) return;
    for (FxRate r : rates) send(Topics.FX_RATES.name(), r.key(), Topics.FX_RATES.serialize(r));
    producer.flush();
  }

  /** Writes one label. */
  public synchronized void write(GroundTruth truth) {
    if (truthFile != null) {
      try {
        truthFile.write(json(truth));
        truthFile.write('\n');
        truthFile.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the ground truth", e);
      }
    }
    if (producer != null) {
      send(Topics.SIMULATOR_TRUTH.name(), truth.key(), Topics.SIMULATOR_TRUTH.serialize(truth));
    }
    written.incrementAndGet();
  }

  public long written() {
    return written.get();
  }

  private void send(String topic, String key, byte[] value) {
    producer.send(
        new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value),
        (md, error) -> {
          if (error != null) log.accept("simulator: truth not stored on " + topic + ": " + error);
        });
  }

  private static String json(Object o) {
    try {
      return Json.mapper().writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (truthFile != null) truthFile.close();
    } catch (IOException e) {
      log.accept("simulator: truth file not closed: " + e.getMessage());
    }
    if (producer != null) {
      producer.flush();
      producer.close(java.time.Duration.ofSeconds(30));
    }
  }
}
