package io.sanliu.jobs.matching;

import io.sanliu.jobs.EventTimes;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.elastic.DocumentConverter;
import io.sanliu.jobs.elastic.ElasticsearchSink;
import io.sanliu.jobs.elastic.ElasticsearchSinkSettings;
import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.model.config.Config;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.kafka.Topics;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Three-document matching (三单比对) as a job: orders, payments, customs lists and waybills (given
 * their parcel by {@link WaybillLinker}) meet per (ebpCode, orderNo) in {@link
 * ParcelMatchFunction}; each parcel's latest result is a document of {@link Indices#MATCHES}.
 */
public final class ParcelMatchingJob implements SanliuJob {
  public static final String NAME = "parcel-matching";
  private final MatchTimeouts timeouts;

  public ParcelMatchingJob() {
    this(MatchTimeouts.DEFAULT);
  }

  public ParcelMatchingJob(MatchTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void build(StreamExecutionEnvironment env, Config config) {
    TypeInformation<ParcelDocument> docType = TypeInformation.of(ParcelDocument.class);
    DataStream<ParcelDocument> orders =
        KafkaStreams.read(
                env,
                config,
                NAME,
                Topics.ORDERS,
                TypeInformation.of(new TypeHint<Envelope<Order>>() {}),
                EventTimes.<Order>forEnvelopes(config))
            .map(e -> ParcelDocument.of(e.key(), e.payload()), docType)
            .name("orders as parcel documents")
            .uid(NAME + "-orders");
    DataStream<ParcelDocument> payments =
        KafkaStreams.read(
                env,
                config,
                NAME,
                Topics.PAYMENTS,
                TypeInformation.of(new TypeHint<Envelope<Payment>>() {}),
                EventTimes.<Payment>forEnvelopes(config))
            .map(e -> ParcelDocument.of(e.key(), e.payload()), docType)
            .name("payments as parcel documents")
            .uid(NAME + "-payments");
    DataStream<Envelope<CustomsList>> lists =
        KafkaStreams.read(
            env,
            config,
            NAME,
            Topics.CUSTOMS_LISTS,
            TypeInformation.of(new TypeHint<Envelope<CustomsList>>() {}),
            EventTimes.<CustomsList>forEnvelopes(config));
    DataStream<ParcelDocument> listDocs =
        lists
            .map(e -> ParcelDocument.of(e.key(), e.payload()), docType)
            .name("lists as parcel documents")
            .uid(NAME + "-lists");
    // Lists keyed by the waybill they name teach the linker; waybills ask it for their parcel.
    DataStream<ParcelDocument> listLinks =
        lists
            .filter(e -> e.payload().logisticsNo() != null)
            .map(
                e ->
                    ParcelDocument.of(
                        DocumentKeys.waybill(
                            e.payload().logisticsCode(), e.payload().logisticsNo()),
                        e.payload()),
                docType)
            .name("lists as waybill links")
            .uid(NAME + "-list-links");
    DataStream<ParcelDocument> waybills =
        KafkaStreams.read(
                env,
                config,
                NAME,
                Topics.WAYBILLS,
                TypeInformation.of(new TypeHint<Envelope<Waybill>>() {}),
                EventTimes.<Waybill>forEnvelopes(config))
            .map(e -> ParcelDocument.of(e.key(), e.payload()), docType)
            .name("waybills as parcel documents")
            .uid(NAME + "-waybills");
    DataStream<ParcelDocument> linkedWaybills =
        waybills
            .union(listLinks)
            .keyBy(ParcelDocument::parcelKey)
            .process(new WaybillLinker(timeouts.complete()), docType)
            .name("waybills given their parcel")
            .uid(NAME + "-link-waybills");
    orders
        .union(payments, listDocs, linkedWaybills)
        .keyBy(ParcelDocument::parcelKey)
        .process(new ParcelMatchFunction(timeouts), TypeInformation.of(ParcelOutcome.class))
        .name("three-document matching")
        .uid(NAME + "-match")
        .map(
            o -> MatchDocument.of(o.parcelKey(), o.result(), Instant.now()),
            TypeInformation.of(MatchDocument.class))
        .name("match documents")
        .uid(NAME + "-documents")
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.MATCHES, MatchDocument::parcelKey),
                ElasticsearchSinkSettings.from(config)))
        .name("to " + Indices.MATCHES)
        .uid(NAME + "-sink");
  }
}
