package io.sanliu.api.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.sanliu.api.TopicReader;
import io.sanliu.api.alerts.PersonalEvidence;
import io.sanliu.model.Json;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.kafka.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows the alerts topic and fans every alert out on the Vert.x event bus to the stream clients
 * of this instance. Keeps the latest alerts in a bounded ring, so a client that reconnects with
 * {@code Last-Event-ID} gets what it missed; at start the ring is filled with the topic's recent
 * alerts, so that works across a restart of the API too.
 */
public final class AlertFeed extends TopicReader {
  private final Vertx vertx;
  private final int capacity;
  private final String address = "sanliu.api.alerts." + UUID.randomUUID();
  private final String codec = "sanliu-feed-event-" + UUID.randomUUID();
  private final DeliveryOptions delivery;

  // Guarded by this: the ring, the position, and per partition the highest offset no longer held.
  private final Deque<FeedEvent> ring = new ArrayDeque<>();
  private final Map<Integer, Long> floor = new HashMap<>();
  private StreamPosition position = new StreamPosition(Map.of());
  private boolean positioned;

  /** Per partition, the first offset that is new: older ones only fill the ring at start. */
  private final Map<Integer, Long> liveFrom = new HashMap<>();

  public AlertFeed(Vertx vertx, String bootstrap, int capacity, MeterRegistry registry) {
    super("sanliu-api-alert-feed", bootstrap, Topics.ALERTS.name());
    this.vertx = vertx;
    this.capacity = Math.max(1, capacity);
    vertx.eventBus().registerCodec(new LocalCodec(codec));
    this.delivery = new DeliveryOptions().setCodecName(codec).setLocalOnly(true);
    registry.gauge("sanliu.api.stream.replay.size", ring, r -> size());
  }

  /** The event bus address stream clients listen on. */
  public String address() {
    return address;
  }

  @Override
  protected void position(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> parts) {
    synchronized (this) {
      if (positioned) {
        // A reconnect: carry on after what was delivered.
        for (TopicPartition p : parts) consumer.seek(p, position.offset(p.partition()) + 1);
        return;
      }
    }
    Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts);
    Map<TopicPartition, Long> end = consumer.endOffsets(parts);
    long perPartition = Math.max(1, capacity / Math.max(1, parts.size()));
    Map<Integer, Long> start = new HashMap<>();
    for (TopicPartition p : parts) {
      long from = Math.max(begin.get(p), end.get(p) - perPartition);
      consumer.seek(p, from);
      start.put(p.partition(), from - 1);
    }
    synchronized (this) {
      floor.putAll(start);
      end.forEach((p, offset) -> liveFrom.put(p.partition(), offset));
      position = new StreamPosition(start);
      positioned = true;
    }
  }

  @Override
  protected void accept(ConsumerRecord<byte[], byte[]> record) {
    Envelope<RiskAlert> envelope = Topics.ALERTS.deserialize(record.value());
    RiskAlert alert = envelope.payload();
    ObjectNode full = Json.mapper().valueToTree(alert);
    ObjectNode hidden = full.deepCopy();
    PersonalEvidence.hide(hidden);
    hidden.put("personalDataHidden", true);
    FeedEvent event;
    boolean isNew;
    synchronized (this) {
      isNew = record.offset() >= liveFrom.getOrDefault(record.partition(), 0L);
      position = position.after(record.partition(), record.offset());
      event =
          new FeedEvent(
              record.partition(),
              record.offset(),
              position,
              alert.shadow(),
              full.toString(),
              hidden.toString());
      ring.addLast(event);
      while (ring.size() > capacity) {
        FeedEvent dropped = ring.removeFirst();
        floor.merge(dropped.partition(), dropped.offset(), Math::max);
      }
    }
    if (isNew) vertx.eventBus().publish(address, event, delivery);
  }

  /** Where the feed is now: a new client without Last-Event-ID starts here. */
  public synchronized StreamPosition position() {
    return position;
  }

  /**
   * What a client at {@code seen} missed, oldest first; empty optional when the ring no longer
   * holds all of it (the client must reload the list).
   */
  public synchronized java.util.Optional<List<FeedEvent>> since(StreamPosition seen) {
    for (Map.Entry<Integer, Long> f : floor.entrySet()) {
      if (seen.offset(f.getKey()) < f.getValue()) return java.util.Optional.empty();
    }
    List<FeedEvent> missed = new ArrayList<>();
    for (FeedEvent e : ring) {
      if (e.offset() > seen.offset(e.partition())) missed.add(e);
    }
    return java.util.Optional.of(missed);
  }

  private synchronized int size() {
    return ring.size();
  }

  @Override
  public void close() {
    super.close();
    vertx.eventBus().unregisterCodec(codec);
  }

  /** Hands the event object itself to local consumers: it is immutable. */
  private record LocalCodec(String name) implements MessageCodec<FeedEvent, FeedEvent> {
    @Override
    public void encodeToWire(Buffer buffer, FeedEvent event) {
      throw new UnsupportedOperationException("alert feed events stay in this JVM");
    }

    @Override
    public FeedEvent decodeFromWire(int pos, Buffer buffer) {
      throw new UnsupportedOperationException("alert feed events stay in this JVM");
    }

    @Override
    public FeedEvent transform(FeedEvent event) {
      return event;
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
