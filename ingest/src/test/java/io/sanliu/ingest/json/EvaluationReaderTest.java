package io.sanliu.ingest.json;

import static io.sanliu.ingest.json.ReaderTestSupport.HASHER;
import static io.sanliu.ingest.json.ReaderTestSupport.assertError;
import static io.sanliu.ingest.json.ReaderTestSupport.assertNoneInJson;
import static io.sanliu.ingest.json.ReaderTestSupport.object;
import static io.sanliu.ingest.json.ReaderTestSupport.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.Evaluation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvaluationReaderTest {
  private final EvaluationReader reader = new EvaluationReader(HASHER);

  static ObjectNode validEvaluation() {
    return object(
        """
        {"evaluationId":"EVAL-SO202611220830001","ebpCode":"4403169D3W",
         "orderNo":"SO202611220830001","ebcCode":"440396K00A",
         "buyerIdNumber":"110105199003078765","score":2,"complaint":true,"category":"物流延误",
         "comment":"包装破损，客服未回复","evaluatedAt":"20261125200000"}
        """);
  }

  @Test
  void readsAValidEvaluationFieldByField() {
    DocumentReader.Result<Evaluation> r = reader.read(validEvaluation());
    assertTrue(r.ok(), () -> r.errors().toString());
    Evaluation e = r.event();
    assertEquals("4403169D3W:SO202611220830001", r.key());
    assertEquals("EVAL-SO202611220830001", e.evaluationId());
    assertEquals("4403169D3W", e.ebpCode());
    assertEquals("SO202611220830001", e.orderNo());
    assertEquals("440396K00A", e.ebcCode());
    assertEquals(2, e.score());
    assertTrue(e.complaint());
    assertEquals("物流延误", e.category());
    assertEquals("包装破损，客服未回复", e.comment());
    assertEquals(Instant.parse("2026-11-25T12:00:00Z"), e.evaluatedAt());
  }

  @Test
  void theBuyerIdIsHashedAndMaskedNeverKeptInClear() throws Exception {
    Evaluation e = reader.read(validEvaluation()).event();
    assertNoneInJson(e, "110105199003078765");
    assertEquals("110***********8765", e.buyerId().masked());
    assertEquals(HASHER.hash("110105199003078765"), e.buyerId().hash());
  }

  @Test
  void thePlatformMustBeTheSender() {
    assertEquals("4403169D3W", reader.participantCode(reader.read(validEvaluation()).event()));
  }

  @Test
  void scoreAndComplaintAreReadFromTextAsAnXmlCodecGivesThem() {
    ObjectNode json = validEvaluation();
    json.put("score", "5");
    json.put("complaint", "FALSE");
    json.remove("buyerIdNumber");
    DocumentReader.Result<Evaluation> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals(5, r.event().score());
    assertFalse(r.event().complaint());
    assertNull(r.event().buyerId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "6", "-1"})
  void aScoreOutsideOneToFiveIsRefused(String score) {
    ObjectNode json = validEvaluation();
    json.put("score", score);
    assertError(reader.read(json), "score", "between 1 and 5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4.5", "good", ""})
  void aScoreThatIsNotAWholeNumberIsRefused(String score) {
    ObjectNode json = validEvaluation();
    json.put("score", score);
    DocumentReader.Result<Evaluation> r = reader.read(json);
    assertEquals(List.of("score"), paths(r));
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    ObjectNode json = validEvaluation();
    json.remove("orderNo");
    json.put("score", 4.5);
    json.put("complaint", "yes");
    json.put("evaluatedAt", "last week");
    DocumentReader.Result<Evaluation> r = reader.read(json);
    assertEquals(List.of("orderNo", "score", "complaint", "evaluatedAt"), paths(r));
    assertError(r, "score", "whole number");
    assertError(r, "complaint", "true or false");
    assertNull(r.key());
  }

  @Test
  void aMissingComplaintFlagIsRequiredNotTakenAsNo() {
    ObjectNode json = validEvaluation();
    json.remove("complaint");
    assertError(reader.read(json), "complaint", "is required");
  }
}
