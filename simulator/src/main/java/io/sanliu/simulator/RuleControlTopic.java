package io.sanliu.simulator;

import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.RuleDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes rule definitions on the risk engine's control topic, as the risk console will: how
 * {@code sanliu local}, the detection test and the bench put {@link CompressedZoneRules} in force.
 */
public final class RuleControlTopic {
  private RuleControlTopic() {}

  /** Sends every definition (key: rule id) and waits for the broker's acknowledgement. */
  public static int publish(String bootstrap, List<RuleDefinition> rules) {
    for (RuleDefinition r : rules) {
      if (!r.problems().isEmpty()) {
        throw new IllegalArgumentException("rule " + r.ruleId() + ": " + r.problems());
      }
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (RuleDefinition r : rules) {
        producer.send(
            new ProducerRecord<>(
                Topics.RISK_RULES.name(),
                r.key().getBytes(StandardCharsets.UTF_8),
                Topics.RISK_RULES.serialize(r)));
      }
      producer.flush();
    }
    return rules.size();
  }
}
