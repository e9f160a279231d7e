package io.sanliu.jobs.archive;

import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.elastic.DocumentConverter;
import io.sanliu.jobs.elastic.ElasticsearchSink;
import io.sanliu.jobs.elastic.ElasticsearchSinkSettings;
import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.model.archive.ArchivedDocument;
import io.sanliu.model.config.Config;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.EnterpriseFiling;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The document archive: every business document of the zone, as it travelled on Kafka, written to
 * {@code sanliu-documents} keyed for the order trace (源头可溯、去向可查) and the enterprise profile.
 * Stateless: each record becomes one document whose id (type, sender, record guid) makes a replay
 * overwrite it. No event time is needed, so the sources carry no watermarks.
 *
 * <p>Every topic of {@code Topics.BY_TYPE} but the alerts', which the risk engine keeps in {@code
 * sanliu-alerts}.
 */
public final class DocumentArchiveJob implements SanliuJob {
  public static final String NAME = "document-archive";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void build(StreamExecutionEnvironment env, Config config) {
    archived(env, config, Topics.ORDERS, new TypeHint<Envelope<Order>>() {})
        .union(
            archived(env, config, Topics.PAYMENTS, new TypeHint<Envelope<Payment>>() {}),
            archived(env, config, Topics.WAYBILLS, new TypeHint<Envelope<Waybill>>() {}),
            archived(
                env, config, Topics.LOGISTICS_EVENTS, new TypeHint<Envelope<LogisticsEvent>>() {}),
            archived(env, config, Topics.CUSTOMS_LISTS, new TypeHint<Envelope<CustomsList>>() {}),
            archived(
                env, config, Topics.CUSTOMS_RECEIPTS, new TypeHint<Envelope<CustomsReceipt>>() {}),
            archived(env, config, Topics.EVALUATIONS, new TypeHint<Envelope<Evaluation>>() {}),
            archived(
                env,
                config,
                Topics.ENTERPRISE_FILINGS,
                new TypeHint<Envelope<EnterpriseFiling>>() {}),
            archived(env, config, Topics.GOODS_FILINGS, new TypeHint<Envelope<GoodsFiling>>() {}))
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.DOCUMENTS, ArchivedDocument::id),
                ElasticsearchSinkSettings.from(config)))
        .name("to " + Indices.DOCUMENTS)
        .uid(NAME + "-sink");
  }

  /** One topic's records as archive documents. */
  private static <T extends BusinessEvent> DataStream<ArchivedDocument> archived(
      StreamExecutionEnvironment env,
      Config config,
      Topic<Envelope<T>> topic,
      TypeHint<Envelope<T>> type) {
    return KafkaStreams.read(
            env,
            config,
            NAME,
            topic,
            TypeInformation.of(type),
            WatermarkStrategy.<Envelope<T>>noWatermarks())
        .map(ArchivedDocument::of, TypeInformation.of(ArchivedDocument.class))
        .name("archive " + topic.name())
        .uid(NAME + "-archive-" + topic.name());
  }
}
