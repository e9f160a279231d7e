package io.sanliu.jobs.kafka;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;

/** How jobs read the platform's topics: typed values, bad records to the dead-letter topic. */
public final class KafkaStreams {
  private KafkaStreams() {}

  /**
   * A stream of one topic's values for {@code job}. Undecodable records go to the dead-letter
   * topic. Reads from the earliest offset on first start, then from checkpointed offsets. Event
   * time follows {@code watermarks}, per Kafka partition.
   */
  public static <T> SingleOutputStreamOperator<T> read(
      StreamExecutionEnvironment env,
      Config config,
      String job,
      Topic<T> topic,
      TypeInformation<T> valueType,
      WatermarkStrategy<T> watermarks) {
    return read(env, config, job, topic, valueType, watermarks, null, null);
  }

  /**
   * The same, decoding only the records {@code filter} keeps (all when null; the others are passed
   * over and counted, {@link TopicDeserializer}), and of them only {@code fields} (all when null).
   */
  public static <T> SingleOutputStreamOperator<T> read(
      StreamExecutionEnvironment env,
      Config config,
      String job,
      Topic<T> topic,
      TypeInformation<T> valueType,
      WatermarkStrategy<T> watermarks,
      PayloadFilter filter,
      DecodedFields fields) {
    KafkaSource<Decoded<T>> source =
        KafkaSource.<Decoded<T>>builder()
            .setBootstrapServers(config.get(ConfigKey.KAFKA_BOOTSTRAP))
            .setTopics(topic.name())
            .setGroupId("sanliu-" + job)
            .setStartingOffsets(startingOffsets(config))
            .setDeserializer(
                new TopicDeserializer<>(topic, job, decodedType(valueType), filter, fields))
            .build();
    SingleOutputStreamOperator<T> values =
        // Watermarks in the source: per partition, so one read ahead cannot make another late.
        env.fromSource(source, new DecodedWatermarks<>(watermarks), topic.name())
            .uid(job + "-source-" + topic.name())
            .process(new DeadLetterSplitter<T>())
            .returns(valueType)
            .name("decode " + topic.name())
            .uid(job + "-decode-" + topic.name());
    values
        .getSideOutput(DeadLetterSplitter.DEAD_LETTERS)
        .sinkTo(deadLetterSink(config))
        .name("dead letters of " + topic.name())
        .uid(job + "-dead-letters-" + topic.name());
    return values;
  }

  /** Decoded of a value type: a POJO with the value, the dead letter and the passed-over time. */
  @SuppressWarnings("unchecked")
  static <T> TypeInformation<Decoded<T>> decodedType(TypeInformation<T> valueType) {
    return (TypeInformation<Decoded<T>>)
        (TypeInformation<?>)
            Types.POJO(
                Decoded.class,
                Map.of(
                    "value",
                    valueType,
                    "deadLetter",
                    TypeInformation.of(DeadLetter.class),
                    "passedOverAt",
                    Types.LONG));
  }

  public static KafkaSink<DeadLetter> deadLetterSink(Config config) {
    return KafkaSink.<DeadLetter>builder()
        .setBootstrapServers(config.get(ConfigKey.KAFKA_BOOTSTRAP))
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setRecordSerializer(
            (KafkaRecordSerializationSchema<DeadLetter>)
                (letter, context, timestamp) ->
                    new ProducerRecord<>(
                        Topics.DEAD_LETTER.name(),
                        letter.stage().getBytes(StandardCharsets.UTF_8),
                        Topics.DEAD_LETTER.serialize(letter)))
        .build();
  }

  /**
   * Where a source without checkpointed offsets starts: the earliest record, or the first received
   * at or after {@link ConfigKey#KAFKA_START_AT}.
   */
  static OffsetsInitializer startingOffsets(Config config) {
    String at = config.get(ConfigKey.KAFKA_START_AT);
    if (at == null || at.isBlank()) return OffsetsInitializer.earliest();
    try {
      return OffsetsInitializer.timestamp(java.time.Instant.parse(at.trim()).toEpochMilli());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          ConfigKey.KAFKA_START_AT.env()
              + " must be empty or an ISO-8601 instant like 2026-11-22T08:00:00Z, not '"
              + at
              + "'",
          e);
    }
  }
}
