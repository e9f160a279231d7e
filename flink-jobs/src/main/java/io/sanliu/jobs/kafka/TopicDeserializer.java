package io.sanliu.jobs.kafka;

import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a topic's JSON values. A record that cannot be read is not dropped: it comes out as a
 * {@link DeadLetter} for the job to send to the dead-letter topic. With a {@link PayloadFilter},
 * records the job has no use for are passed over undecoded and counted in the metric {@code
 * skippedRecords}; their event time still moves the partition's watermark.
 */
public final class TopicDeserializer<T> implements KafkaRecordDeserializationSchema<Decoded<T>> {
  private final String topicName;
  private final String jobName;
  private final TypeInformation<Decoded<T>> producedType;
  private final PayloadFilter filter;
  private final DecodedFields fields;
  private transient Topic<T> topic;
  private transient Counter skipped;

  /**
   * @param filter which records to decode at all; null for every record
   * @param fields which fields of a value to decode; null for all
   */
  public TopicDeserializer(
      Topic<T> topic,
      String jobName,
      TypeInformation<Decoded<T>> producedType,
      PayloadFilter filter,
      DecodedFields fields) {
    this.topicName = topic.name();
    this.jobName = jobName;
    this.producedType = producedType;
    this.filter = filter;
    this.fields = fields;
    this.topic = topic;
  }

  @Override
  public void open(DeserializationSchema.InitializationContext context) {
    skipped = context.getMetricGroup().counter("skippedRecords");
  }

  @Override
  @SuppressWarnings("unchecked")
  public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Decoded<T>> out) {
    if (topic == null) {
      // Topic holds a Jackson type, which is not serialisable; look it up again after shipping.
      topic = (Topic<T>) io.sanliu.model.kafka.Topics.byName().get(topicName);
    }
    if (filter != null) {
      Long passedOver = filter.passedOverAt(record.value());
      if (passedOver != null) {
        if (skipped != null) skipped.inc();
        out.collect(Decoded.passedOver(passedOver));
        return;
      }
    }
    try {
      T value =
          fields == null
              ? topic.deserialize(record.value())
              : fields.read(record.value(), topic.valueType());
      out.collect(Decoded.of(value));
    } catch (RuntimeException e) {
      String raw =
          record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
      String where = topicName + "[" + record.partition() + "]@" + record.offset();
      out.collect(
          Decoded.unreadable(
              DeadLetter.of(
                  "flink:" + jobName,
                  null,
                  null,
                  "application/json",
                  List.of(new DeadLetter.FieldError(where, rootMessage(e))),
                  raw,
                  Instant.now())));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  @Override
  public TypeInformation<Decoded<T>> getProducedType() {
    return producedType;
  }
}
