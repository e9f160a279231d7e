package io.sanliu.api.credit;

import io.sanliu.api.TopicReader;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.simulation.NegativeListEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The negative list as the risk engine and the credit job read it: the latest entry per entry id of
 * {@code sanliu.negative-list}, read from the start when the API starts and followed after.
 */
public final class NegativeListInForce extends TopicReader {
  private final Map<String, NegativeListEntry> byId = new ConcurrentHashMap<>();

  public NegativeListInForce(String bootstrap) {
    super("sanliu-api-negative-list", bootstrap, Topics.NEGATIVE_LIST.name());
  }

  @Override
  protected void position(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> parts) {
    consumer.seekToBeginning(parts);
  }

  @Override
  protected void accept(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) return;
    offer(Topics.NEGATIVE_LIST.deserialize(record.value()));
  }

  /** Takes an entry (read from the topic, or just published by this API). */
  public void offer(NegativeListEntry entry) {
    byId.put(entry.entryId(), entry);
  }

  /** Every entry, most recently listed first. */
  public List<NegativeListEntry> all() {
    return byId.values().stream()
        .sorted(
            Comparator.comparing(
                    NegativeListEntry::listedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(NegativeListEntry::entryId))
        .toList();
  }

  public Optional<NegativeListEntry> get(String entryId) {
    return Optional.ofNullable(byId.get(entryId));
  }
}
