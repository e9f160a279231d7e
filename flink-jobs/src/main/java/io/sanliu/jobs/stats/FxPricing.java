package io.sanliu.jobs.stats;

import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.jobs.risk.ReferenceWatermarks;
import io.sanliu.model.Json;
import io.sanliu.model.config.Config;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topics;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Turns documents into facts in yuan (statistics facts, composite index events) with the exchange
 * rates broadcast from {@code sanliu.fx-rates}, through a {@link RateBook}.
 *
 * <p>A rate applies to the documents priced after it arrived: rates are published ahead of the time
 * they are valid from, and a rate that comes later than its documents does not restate them. A
 * document whose currency has no rate at all goes to the dead-letter topic ({@link #UNPRICED}).
 */
public abstract class FxPricing<IN, OUT> extends BroadcastProcessFunction<IN, FxRate, OUT> {
  public static final MapStateDescriptor<String, FxRate> RATES =
      new MapStateDescriptor<>("fx-rates", Types.STRING, TypeInformation.of(FxRate.class));

  /** Documents that cannot be converted to yuan. */
  public static final OutputTag<DeadLetter> UNPRICED =
      new OutputTag<>("unpriced", TypeInformation.of(DeadLetter.class));

  private final RateBook book = new RateBook();

  /** What a document gives, its amounts converted with {@code fx}. */
  protected abstract OUT price(IN document, FxTable fx);

  /** Why a document could not be counted, for the dead-letter topic. */
  protected abstract DeadLetter refusal(IN document, MissingRateException why);

  /** The dead letter of a document in a currency without a rate: the currency field, and why. */
  protected static DeadLetter unpriced(
      String stage, String source, String guid, Object document, MissingRateException why) {
    String body;
    try {
      body = Json.mapper().writeValueAsString(document);
    } catch (Exception e) {
      body = String.valueOf(document);
    }
    return DeadLetter.of(
        stage,
        source,
        guid,
        "application/json",
        List.of(new DeadLetter.FieldError("currency", why.getMessage())),
        body,
        Instant.now());
  }

  /**
   * The rates of {@code sanliu.fx-rates}, broadcast. They stand at the end of event time, so the
   * business streams they are connected to keep their own clocks (see ReferenceWatermarks).
   */
  public static BroadcastStream<FxRate> rates(
      StreamExecutionEnvironment env, Config config, String job) {
    return KafkaStreams.read(
            env,
            config,
            job,
            Topics.FX_RATES,
            TypeInformation.of(FxRate.class),
            ReferenceWatermarks.none())
        .broadcast(RATES);
  }

  @Override
  public void processElement(IN document, ReadOnlyContext ctx, Collector<OUT> out)
      throws Exception {
    book.price(document, ctx, out, this::price, e -> refusal(document, e));
  }

  @Override
  public void processBroadcastElement(FxRate rate, Context ctx, Collector<OUT> out)
      throws Exception {
    book.add(ctx.getBroadcastState(RATES), rate);
  }
}
