package io.sanliu.jobs.risk;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The engine's alerts on {@link Topics#ALERTS}, keyed by alert id, each in an envelope. */
final class AlertTopic {
  private AlertTopic() {}

  static KafkaSink<RiskAlert> sink(Config config) {
    return KafkaSink.<RiskAlert>builder()
        .setBootstrapServers(config.get(ConfigKey.KAFKA_BOOTSTRAP))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(
            (KafkaRecordSerializationSchema<RiskAlert>)
                (alert, context, timestamp) ->
                    new ProducerRecord<>(
                        Topics.ALERTS.name(),
                        alert.alertId().getBytes(StandardCharsets.UTF_8),
                        Topics.ALERTS.serialize(
                            Envelope.of(
                                EventType.RISK_ALERT,
                                RiskEngineJob.NAME,
                                alert.alertId(),
                                alert.detectedAt(),
                                alert))))
        .build();
  }
}
