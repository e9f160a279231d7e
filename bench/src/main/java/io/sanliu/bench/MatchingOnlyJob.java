package io.sanliu.bench;

import io.sanliu.jobs.EventTimes;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.jobs.matching.MatchTimeouts;
import io.sanliu.jobs.matching.ParcelMatching;
import io.sanliu.model.config.Config;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The risk engine's matching stage alone: the four documents read as the engine reads them,
 * three-document matching with its match documents in Elasticsearch, the outcomes discarded instead
 * of going on to the parcel rules. Named per run, so each run has a consumer group of its own and
 * reads the topics from the start.
 */
final class MatchingOnlyJob implements SanliuJob {
  /** What it reads. */
  static final List<Topic<?>> INPUT =
      List.of(Topics.ORDERS, Topics.PAYMENTS, Topics.CUSTOMS_LISTS, Topics.WAYBILLS);

  private final String name;

  MatchingOnlyJob(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void build(StreamExecutionEnvironment env, Config config) {
    env.getConfig().enableObjectReuse(); // as the engine does
    ParcelMatching.outcomes(
            name,
            config,
            MatchTimeouts.from(config),
            read(env, config, Topics.ORDERS, new TypeHint<Envelope<Order>>() {}),
            read(env, config, Topics.PAYMENTS, new TypeHint<Envelope<Payment>>() {}),
            read(env, config, Topics.CUSTOMS_LISTS, new TypeHint<Envelope<CustomsList>>() {}),
            read(env, config, Topics.WAYBILLS, new TypeHint<Envelope<Waybill>>() {}))
        .all() // crossing to the next task, as they cross to the engine's parcel rules
        .sinkTo(new DiscardingSink<>())
        .name("outcomes discarded")
        .uid(name + "-discard");
  }

  private <T extends BusinessEvent> DataStream<Envelope<T>> read(
      StreamExecutionEnvironment env,
      Config config,
      Topic<Envelope<T>> topic,
      TypeHint<Envelope<T>> type) {
    return KafkaStreams.read(
        env, config, name, topic, TypeInformation.of(type), EventTimes.<T>forEnvelopes(config));
  }
}
