package io.sanliu.api.rules;

import io.sanliu.api.TopicReader;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.RuleDefinition;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule definitions in force, as the risk engine sees them: the shipped defaults with the
 * control topic's definitions over them by rule id, a higher or equal version replacing the stored
 * one (the engine's {@code RuleBook} rule). The topic is read from its start when the API starts
 * and followed after; a definition with problems is ignored, as the engine ignores it.
 */
public final class RulesInForce extends TopicReader {
  private static final Logger LOG = LoggerFactory.getLogger(RulesInForce.class);

  /** A definition and whether it came from the control topic or the shipped defaults. */
  public record InForce(RuleDefinition definition, boolean published) {}

  private final Map<String, InForce> byId = new ConcurrentHashMap<>();

  public RulesInForce(String bootstrap, List<RuleDefinition> defaults) {
    super("sanliu-api-rules", bootstrap, Topics.RISK_RULES.name());
    for (RuleDefinition d : defaults) byId.put(d.ruleId(), new InForce(d, false));
  }

  @Override
  protected void position(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> parts) {
    consumer.seekToBeginning(parts);
  }

  @Override
  protected void accept(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) return;
    RuleDefinition d = Topics.RISK_RULES.deserialize(record.value());
    if (!d.problems().isEmpty()) {
      LOG.warn("ignored rule definition {} v{}: {}", d.ruleId(), d.version(), d.problems());
      return;
    }
    offer(d);
  }

  /** Takes a definition (read from the topic, or just published by this API). */
  public void offer(RuleDefinition d) {
    byId.merge(
        d.ruleId(),
        new InForce(d, true),
        (stored, candidate) ->
            candidate.definition().version() >= stored.definition().version() ? candidate : stored);
  }

  public List<InForce> all() {
    return byId.values().stream()
        .sorted(Comparator.comparing(r -> r.definition().ruleId()))
        .toList();
  }

  public Optional<InForce> get(String ruleId) {
    return Optional.ofNullable(byId.get(ruleId));
  }
}
