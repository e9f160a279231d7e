package io.sanliu.model.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.fx.FxRate;
import io.sanliu.model.risk.AlertReview;
import io.sanliu.model.simulation.GroundTruth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TopicsTest {

  @Test
  void topicNamesAreUnique() {
    List<String> names = Topics.all().stream().map(Topic::name).toList();
    Set<String> distinct = Set.copyOf(names);

    assertEquals(names.size(), distinct.size(), names.toString());
    assertEquals(names.size(), Topics.byName().size());
  }

  @Test
  void everyEventTypeHasATopic() {
    assertEquals(EnumSet.allOf(EventType.class), Topics.BY_TYPE.keySet());
  }

  @Test
  void allHoldsEveryEventTopicTheDeadLetterTheReceiptsTheReferenceAndControlTopics() {
    Set<String> expected =
        Topics.BY_TYPE.values().stream().map(Topic::name).collect(Collectors.toSet());
    expected.add(Topics.DEAD_LETTER.name());
    expected.add(Topics.INGEST_RECEIPTS.name());
    expected.add(Topics.SIMULATOR_TRUTH.name());
    expected.add(Topics.NEGATIVE_LIST.name());
    expected.add(Topics.RISK_RULES.name());
    expected.add(Topics.FX_RATES.name());
    expected.add(Topics.CREDIT_GRADES.name());
    expected.add(Topics.ALERT_REVIEWS.name());

    assertEquals(expected, Set.copyOf(Topics.byName().keySet()));
    assertEquals(EventType.values().length + 8, Topics.all().size());
  }

  @Test
  void topicNamesFollowTheSanliuConvention() {
    for (Topic<?> topic : Topics.all()) {
      assertTrue(topic.name().matches("sanliu\\.[a-z]+(-[a-z]+)*"), topic.name());
    }
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void eachTopicCarriesEnvelopesOfItsTypesPayload(EventType type) {
    Topic<?> topic = Topics.BY_TYPE.get(type);

    assertSame(Envelope.class, topic.valueType().getRawClass());
    assertEquals(type.payloadClass(), topic.valueType().containedType(0).getRawClass());
    assertSame(topic, Topics.byName().get(topic.name()));
  }

  @Test
  void referenceTopicsAreCompactedWithOnePartition() {
    for (Topic<?> topic : List.of(Topics.ENTERPRISE_FILINGS, Topics.GOODS_FILINGS)) {
      assertTrue(topic.compacted(), topic.name());
      assertEquals(1, topic.partitions(), topic.name());
      assertEquals(1, topic.partitionsOr(8), topic.name());
    }
  }

  @Test
  void receiptsAreKeptOnACompactedTopicScaledLikeTheBusinessTopics() {
    // Latest receipt per sender and guid is all a restarted gateway needs.
    assertTrue(Topics.INGEST_RECEIPTS.compacted());
    assertEquals(8, Topics.INGEST_RECEIPTS.partitionsOr(8));
  }

  @Test
  void simulatorTruthIsOneOrderedPartitionOfGroundTruthKeptLikeBusinessData() {
    // One partition: a scorer reads the labels of a run in the order they were written.
    assertSame(Topics.SIMULATOR_TRUTH, Topics.byName().get("sanliu.simulator-truth"));
    assertSame(GroundTruth.class, Topics.SIMULATOR_TRUTH.valueType().getRawClass());
    assertFalse(Topics.SIMULATOR_TRUTH.compacted());
    assertEquals(1, Topics.SIMULATOR_TRUTH.partitionsOr(8));
  }

  @Test
  void businessTopicsAreNotCompactedAndTakeTheConfiguredPartitions() {
    Set<Topic<?>> reference =
        Set.of(
            Topics.ENTERPRISE_FILINGS,
            Topics.GOODS_FILINGS,
            Topics.INGEST_RECEIPTS,
            Topics.SIMULATOR_TRUTH,
            Topics.NEGATIVE_LIST,
            Topics.RISK_RULES,
            Topics.FX_RATES);
    for (Topic<?> topic : Topics.all()) {
      if (reference.contains(topic)) continue;
      assertFalse(topic.compacted(), topic.name());
      assertEquals(Topic.SCALED, topic.partitions(), topic.name());
      assertEquals(8, topic.partitionsOr(8), topic.name());
    }
  }

  @Test
  void fxRatesAreCompactedReferenceDataOnOnePartitionKeyedByCurrencyAndStart() {
    // One key per currency and start: compaction keeps the history late documents are priced with.
    assertSame(Topics.FX_RATES, Topics.byName().get("sanliu.fx-rates"));
    assertSame(FxRate.class, Topics.FX_RATES.valueType().getRawClass());
    assertTrue(Topics.FX_RATES.compacted());
    assertEquals(1, Topics.FX_RATES.partitionsOr(8));
  }

  @Test
  void alertReviewsAreABusinessTopicOfReviewsKeyedByAlert() {
    assertSame(Topics.ALERT_REVIEWS, Topics.byName().get("sanliu.alert-reviews"));
    assertSame(AlertReview.class, Topics.ALERT_REVIEWS.valueType().getRawClass());
    assertFalse(Topics.ALERT_REVIEWS.compacted());
    assertEquals(8, Topics.ALERT_REVIEWS.partitionsOr(8));
  }

  @Test
  void deadLetterTopicCarriesDeadLetters() {
    assertNotNull(Topics.byName().get("sanliu.dead-letter"));
    assertSame(DeadLetter.class, Topics.DEAD_LETTER.valueType().getRawClass());
  }
}
