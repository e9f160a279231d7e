package io.sanliu.jobs.elastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.jobs.LocalFlinkCluster;
import io.sanliu.jobs.SanliuJob;
import io.sanliu.model.config.Config;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.Topics;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import java.time.Duration;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared sink on the real stack: documents indexed, a refused one dead-lettered. */
@ExtendWith(SanliuStackExtension.class)
class ElasticsearchSinkTest {
  /** A document for the strict alerts index: {@code unexpected} is not in its mapping. */
  public record Probe(String alertId, String unexpected) {}

  @Test
  void aDocumentRefusedForGoodGoesToTheDeadLetterTopicAndTheRestIsIndexed(SanliuStack stack)
      throws Exception {
    String good = "sink-test-" + UUID.randomUUID();
    String bad = "sink-test-" + UUID.randomUUID();
    SanliuJob job =
        new SanliuJob() {
          @Override
          public String name() {
            return "sink-test";
          }

          @Override
          public void build(StreamExecutionEnvironment env, Config config) {
            env.fromData(
                    TypeInformation.of(Probe.class), new Probe(bad, "x"), new Probe(good, null))
                .sinkTo(
                    new ElasticsearchSink<>(
                        DocumentConverter.routed(
                            p -> p.unexpected() == null ? "sanliu-sink-test" : Indices.ALERTS,
                            Probe::alertId),
                        ElasticsearchSinkSettings.from(config)));
          }
        };
    try (LocalFlinkCluster flink = LocalFlinkCluster.start(2);
        TopicProbe<DeadLetter> deadLetters =
            new TopicProbe<>(stack.kafkaBootstrap(), Topics.DEAD_LETTER)) {
      flink.submit(job, stack.config());
      DeadLetter letter =
          deadLetters
              .await(k -> bad.equals(k.value().messageGuid()), 1, Duration.ofSeconds(60))
              .get(0)
              .value();
      assertEquals("elasticsearch-sink", letter.stage());
      assertEquals(Indices.ALERTS, letter.source());
      assertTrue(letter.errors().get(0).reason().contains("400"), letter.errors().toString());
      assertTrue(letter.payload().contains("\"unexpected\":\"x\""), letter.payload());
      ObjectNode indexed =
          Eventually.await(
              () -> {
                try {
                  GetResponse<ObjectNode> r =
                      stack
                          .elastic()
                          .blocking()
                          .get(g -> g.index("sanliu-sink-test").id(good), ObjectNode.class);
                  return r.found() ? r.source() : null;
                } catch (Exception e) {
                  return null;
                }
              },
              d -> d != null,
              Duration.ofSeconds(30),
              "the good document");
      assertEquals(good, indexed.get("alertId").asText());
    }
  }
}
