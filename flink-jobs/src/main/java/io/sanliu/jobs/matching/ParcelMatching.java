package io.sanliu.jobs.matching;

import io.sanliu.jobs.elastic.DocumentConverter;
import io.sanliu.jobs.elastic.ElasticsearchSink;
import io.sanliu.jobs.elastic.ElasticsearchSinkSettings;
import io.sanliu.jobs.state.Utf8StringType;
import io.sanliu.model.config.Config;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Three-document matching (三单比对) as a stage of the risk engine: orders, payments, customs lists and
 * waybills (given their parcel by {@link WaybillLinker}) meet per (ebpCode, orderNo) in {@link
 * ParcelMatchFunction}; each parcel's latest result is a document of {@link Indices#MATCHES}. The
 * outcomes, and the waybills no list ever named, go on to the parcel rules.
 */
public final class ParcelMatching {
  private ParcelMatching() {}

  public static ParcelOutcomes outcomes(
      String job,
      Config config,
      MatchTimeouts timeouts,
      DataStream<Envelope<Order>> orders,
      DataStream<Envelope<Payment>> payments,
      DataStream<Envelope<CustomsList>> lists,
      DataStream<Envelope<Waybill>> waybills) {
    Streams streams = streams(job, timeouts, orders, payments, lists, waybills);
    streams
        .matched()
        .map(
            o -> MatchDocument.of(o.parcelKey(), o.result(), Instant.now()),
            TypeInformation.of(MatchDocument.class))
        .name("match documents")
        .uid(job + "-documents")
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.MATCHES, MatchDocument::parcelKey),
                ElasticsearchSinkSettings.from(config)))
        .name("to " + Indices.MATCHES)
        .uid(job + "-sink");
    return streams.outcomes();
  }

  /**
   * The same outcomes, without writing {@link Indices#MATCHES}: for jobs that need the results but
   * do not own the index.
   */
  public static ParcelOutcomes matched(
      String job,
      MatchTimeouts timeouts,
      DataStream<Envelope<Order>> orders,
      DataStream<Envelope<Payment>> payments,
      DataStream<Envelope<CustomsList>> lists,
      DataStream<Envelope<Waybill>> waybills) {
    return streams(job, timeouts, orders, payments, lists, waybills).outcomes();
  }

  /** The matcher's results and the waybills no list named. */
  private record Streams(
      SingleOutputStreamOperator<ParcelOutcome> matched, DataStream<ParcelOutcome> unlinked) {
    ParcelOutcomes outcomes() {
      return new ParcelOutcomes(matched, unlinked);
    }
  }

  private static Streams streams(
      String job,
      MatchTimeouts timeouts,
      DataStream<Envelope<Order>> orders,
      DataStream<Envelope<Payment>> payments,
      DataStream<Envelope<CustomsList>> lists,
      DataStream<Envelope<Waybill>> waybills) {
    TypeInformation<ParcelDocument> docType = TypeInformation.of(ParcelDocument.class);
    DataStream<ParcelDocument> orderDocs =
        orders
            .map(e -> ParcelDocument.of(e.key(), e.payload()), docType)
            .name("orders as parcel documents")
            .uid(job + "-orders");
    DataStream<ParcelDocument> paymentDocs =
        payments
            .map(e -> ParcelDocument.of(e.key(), e.payload()), docType)
            .name("payments as parcel documents")
            .uid(job + "-payments");
    DataStream<ParcelDocument> listDocs =
        lists
            .map(e -> ParcelDocument.of(e.key(), e.payload()), docType)
            .name("lists as parcel documents")
            .uid(job + "-lists");
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
            .uid(job + "-list-links");
    DataStream<ParcelDocument> waybillDocs =
        waybills
            .map(e -> ParcelDocument.of(e.key(), e.payload()), docType)
            .name("waybills as parcel documents")
            .uid(job + "-waybills");
    SingleOutputStreamOperator<ParcelDocument> linkedWaybills =
        waybillDocs
            .union(listLinks)
            .keyBy(ParcelDocument::parcelKey, Utf8StringType.INSTANCE)
            .process(new WaybillLinker(timeouts.complete()), docType)
            .name("waybills given their parcel")
            .uid(job + "-link-waybills");
    SingleOutputStreamOperator<ParcelOutcome> matched =
        orderDocs
            .union(paymentDocs, listDocs, linkedWaybills)
            .keyBy(ParcelDocument::parcelKey, Utf8StringType.INSTANCE)
            .process(new ParcelMatchFunction(timeouts), TypeInformation.of(ParcelOutcome.class))
            .name("three-document matching")
            .uid(job + "-match");
    return new Streams(matched, linkedWaybills.getSideOutput(WaybillLinker.UNLINKED));
  }
}
