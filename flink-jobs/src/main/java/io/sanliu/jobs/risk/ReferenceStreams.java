package io.sanliu.jobs.risk;

import io.sanliu.jobs.kafka.KafkaStreams;
import io.sanliu.model.config.Config;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.simulation.NegativeListEntry;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The risk engine's reference data as read from Kafka, one stream of {@link ReferenceUpdate}. */
final class ReferenceStreams {
  private ReferenceStreams() {}

  /** Rule definitions, the negative list and goods filings, broadcast to every rule stream. */
  static DataStream<ReferenceUpdate> read(
      StreamExecutionEnvironment env, Config config, String job) {
    TypeInformation<ReferenceUpdate> type = TypeInformation.of(ReferenceUpdate.class);
    DataStream<ReferenceUpdate> rules =
        KafkaStreams.read(
                env,
                config,
                job,
                Topics.RISK_RULES,
                TypeInformation.of(RuleDefinition.class),
                ReferenceWatermarks.none())
            .map(ReferenceUpdate::of, type)
            .name("rule definitions")
            .uid(RiskEngineJob.NAME + "-rule-definitions");
    DataStream<ReferenceUpdate> negative =
        KafkaStreams.read(
                env,
                config,
                job,
                Topics.NEGATIVE_LIST,
                TypeInformation.of(NegativeListEntry.class),
                ReferenceWatermarks.none())
            .map(ReferenceUpdate::of, type)
            .name("negative list")
            .uid(RiskEngineJob.NAME + "-negative-list");
    DataStream<ReferenceUpdate> filings =
        KafkaStreams.read(
                env,
                config,
                job,
                Topics.GOODS_FILINGS,
                TypeInformation.of(new TypeHint<Envelope<GoodsFiling>>() {}),
                ReferenceWatermarks.none())
            .map(e -> ReferenceUpdate.of(e.payload()), type)
            .name("goods filings")
            .uid(RiskEngineJob.NAME + "-goods-filings");
    return rules.union(negative, filings);
  }
}
