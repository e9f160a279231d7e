package io.sanliu.jobs.stats;

import io.sanliu.jobs.EventTimes;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.jobs.elastic.DocumentConverter;
import io.sanliu.jobs.elastic.ElasticsearchSink;
import io.sanliu.jobs.elastic.ElasticsearchSinkSettings;
import io.sanliu.jobs.kafka.DecodedFields;
import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.jobs.kafka.PayloadFilter;
import io.sanliu.jobs.state.Utf8StringType;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Order;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * Full-caliber trade statistics (统计监测): orders (platform caliber) and released customs lists
 * (customs caliber), in yuan, counted per event-time minute, hour and zone day, per cube slice (the
 * total, and by direction, mode, partner country, HS chapter, platform, enterprise, port), with the
 * top countries, enterprises and goods of each window. Documents up to the allowed lateness late
 * update their windows in place; later ones are dead-lettered per window they missed. See
 * docs/statistics.md.
 *
 * <pre>
 * orders ─ new ─ first per order ──────────────────────┐
 *                                                      ├─ in yuan (FX broadcast) ─ cube slices per minute ─┬─ 1m / 1h / 1d windows ─ sanliu-trade-stats
 * lists + release receipts ─ join ─ released lists ────┘                                                    └─ rankings ─ sanliu-trade-top
 *   list numbers + releases naming one ─ link to the order ─┘
 * </pre>
 */
public final class TradeStatisticsJob implements SanliuJob {
  public static final String NAME = "trade-statistics";

  /**
   * Slice minutes the combiner before the windows keeps open at most (a few hundred bytes each, a 4
   * KB buyer sketch for the busiest): a zone minute has a few thousand.
   */
  static final int MAX_OPEN_SLICE_MINUTES = 50_000;

  /** The stage its dead letters name. */
  public static final String STAGE = "flink:" + NAME;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void build(StreamExecutionEnvironment env, Config config) {
    Duration lateness = config.getDuration(ConfigKey.STATS_ALLOWED_LATENESS);
    Duration releaseWait = config.getDuration(ConfigKey.STATS_RELEASE_WAIT);
    int topN = config.getInt(ConfigKey.STATS_TOP_N);
    // Chained operators hand records on without a deep copy each. Safe here: the records are
    // immutable, and what an operator keeps of its input (a buyer sketch) it copies.
    env.getConfig().enableObjectReuse();

    TypeInformation<Envelope<Order>> orderType =
        TypeInformation.of(new TypeHint<Envelope<Order>>() {});
    DataStream<Envelope<Order>> orders =
        read(env, config, Topics.ORDERS, orderType, null, CountedFields.ORDERS);
    DataStream<Envelope<CustomsList>> lists =
        read(
            env,
            config,
            Topics.CUSTOMS_LISTS,
            TypeInformation.of(new TypeHint<Envelope<CustomsList>>() {}),
            null,
            CountedFields.LISTS);
    DataStream<Envelope<CustomsReceipt>> receipts =
        read(
            env,
            config,
            Topics.CUSTOMS_RECEIPTS,
            TypeInformation.of(new TypeHint<Envelope<CustomsReceipt>>() {}),
            ListDocument.RELEASES,
            null);
    BroadcastStream<FxRate> rates = FxPricing.rates(env, config, NAME);

    SingleOutputStreamOperator<TradeFact> platform =
        orders
            // Changes and deletions refer to an order already counted.
            .filter(e -> e.payload().appType() == AppType.NEW)
            .name("new orders")
            .uid(NAME + "-new-orders")
            .map(TradeFacts::countedPart, CountedOrderSerializer.TYPE)
            .name("counted part")
            .uid(NAME + "-counted-orders")
            .keyBy(e -> e.key(), Utf8StringType.INSTANCE)
            .connect(rates)
            .process(new FirstOrderFacts(STAGE), factType())
            .name("first of each order, in yuan")
            .uid(NAME + "-order-facts");

    TypeInformation<ListDocument> listDocument = ListDocumentSerializer.TYPE;
    DataStream<ListDocument> releasesByNumber =
        lists
            .flatMap(
                (Envelope<CustomsList> e, Collector<ListNumber> out) ->
                    ListNumber.of(e).forEach(out::collect),
                TypeInformation.of(ListNumber.class))
            .name("list numbers")
            .uid(NAME + "-list-numbers")
            .connect(releases(receipts, false, listDocument))
            .keyBy(ListNumber::numberKey, ListDocument::joinKey, Utf8StringType.INSTANCE)
            .process(new ListNumberLinker(releaseWait), listDocument)
            .name("releases by list number, to their order")
            .uid(NAME + "-list-number-links");
    SingleOutputStreamOperator<TradeFact> customs =
        lists
            .flatMap(
                (Envelope<CustomsList> e, Collector<ListDocument> out) ->
                    ListDocument.ofList(e).ifPresent(out::collect),
                listDocument)
            .name("lists by order")
            .uid(NAME + "-lists")
            .union(releases(receipts, true, listDocument), releasesByNumber)
            .keyBy(ListDocument::joinKey, Utf8StringType.INSTANCE)
            .connect(rates)
            .process(new ReleaseJoin(releaseWait, STAGE), factType())
            .name("released lists, in yuan")
            .uid(NAME + "-release-join");

    // Sums leave each caliber's combiner chained to the operator that makes its facts, so a fact
    // is never serialised; only the minute sums cross to the windows.
    DataStream<SlicePartial> partials =
        slicesPerMinute(platform, "platform").union(slicesPerMinute(customs, "customs"));

    TypeInformation<DeadLetter> letterType = TypeInformation.of(DeadLetter.class);
    List<DataStream<DeadLetter>> letters = new ArrayList<>();
    letters.add(platform.getSideOutput(FxPricing.UNPRICED));
    letters.add(customs.getSideOutput(FxPricing.UNPRICED));
    // Each size's results are split chained to its window operator: only the documents stored or
    // ranked cross to the sinks and the rankings.
    DataStream<TradeStatsDocument> stored = null;
    DataStream<TradeStatsDocument> ranked = null;
    KeyedStream<SlicePartial, String> bySlice = TradeWindows.bySlice(partials, NAME + "-by-slice");
    for (WindowSize size : WindowSize.values()) {
      SingleOutputStreamOperator<TradeStatsDocument> windows =
          TradeWindows.aggregate(bySlice, size, lateness)
              .name(size.label() + " windows")
              .uid(NAME + "-windows-" + size.label());
      letters.add(
          windows
              .getSideOutput(TradeWindows.LATE)
              .flatMap(new LateEntries(STAGE, size, lateness), letterType)
              .name("too late for " + size.label())
              .uid(NAME + "-late-" + size.label()));
      DataStream<TradeStatsDocument> toStore =
          windows
              .filter(d -> Dimension.valueOf(d.dimension()).stored())
              .name("stored " + size.label() + " slices")
              .uid(NAME + "-stored-" + size.label());
      DataStream<TradeStatsDocument> toRank =
          windows
              .filter(d -> Dimension.valueOf(d.dimension()).ranked())
              .name("ranked " + size.label() + " slices")
              .uid(NAME + "-ranked-" + size.label());
      stored = stored == null ? toStore : stored.union(toStore);
      ranked = ranked == null ? toRank : ranked.union(toRank);
    }

    // One bulk request under way at a time: a window's late version must not overtake its first.
    ElasticsearchSinkSettings sink =
        ElasticsearchSinkSettings.from(config).withMaxInFlightRequests(1);
    stored
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.TRADE_STATS, TradeStatsDocument::documentId),
                sink))
        .name("to " + Indices.TRADE_STATS)
        .uid(NAME + "-stats-index");
    ranked
        .keyBy(TopRanking::rankingKey, Utf8StringType.INSTANCE)
        .process(new TopRanking(topN, lateness), TypeInformation.of(TopEntryDocument.class))
        .name("top " + topN)
        .uid(NAME + "-top")
        .sinkTo(
            new ElasticsearchSink<>(
                DocumentConverter.toIndex(Indices.TRADE_TOP, TopEntryDocument::documentId), sink))
        .name("to " + Indices.TRADE_TOP)
        .uid(NAME + "-top-index");

    DataStream<DeadLetter> refused = letters.get(0);
    for (DataStream<DeadLetter> more : letters.subList(1, letters.size())) {
      refused = refused.union(more);
    }
    refused
        .sinkTo(KafkaStreams.deadLetterSink(config))
        .name("dead letters of the statistics")
        .uid(NAME + "-dead-letters");
  }

  /** A caliber's facts summed per slice and minute, chained to the operator that makes them. */
  private static DataStream<SlicePartial> slicesPerMinute(
      DataStream<TradeFact> facts, String caliber) {
    return facts
        .transform(
            caliber + " slices per minute",
            SlicePartialSerializer.TYPE,
            new SliceCombiner(MAX_OPEN_SLICE_MINUTES))
        .uid(NAME + "-" + caliber + "-slices");
  }

  /**
   * The releases of lists whose receipts name the order ({@code byOrder}), or only a list number.
   */
  private static DataStream<ListDocument> releases(
      DataStream<Envelope<CustomsReceipt>> receipts,
      boolean byOrder,
      TypeInformation<ListDocument> type) {
    return receipts
        .flatMap(
            (Envelope<CustomsReceipt> e, Collector<ListDocument> out) -> {
              if (ListDocument.namesOrder(e) == byOrder)
                ListDocument.ofReceipt(e).ifPresent(out::collect);
            },
            type)
        .name(byOrder ? "release receipts" : "release receipts by list number")
        .uid(NAME + (byOrder ? "-releases" : "-releases-by-number"));
  }

  private static TypeInformation<TradeFact> factType() {
    return TypeInformation.of(TradeFact.class);
  }

  /**
   * A business topic; never idle, because its stream meets the broadcast rates. Of its records only
   * those {@code filter} keeps are decoded, and of those only {@code fields} (all when null).
   */
  private static <T extends BusinessEvent> DataStream<Envelope<T>> read(
      StreamExecutionEnvironment env,
      Config config,
      Topic<Envelope<T>> topic,
      TypeInformation<Envelope<T>> type,
      PayloadFilter filter,
      DecodedFields fields) {
    return KafkaStreams.read(
        env,
        config,
        NAME,
        topic,
        type,
        EventTimes.<T>forEnvelopesNeverIdle(config),
        filter,
        fields);
  }
}
