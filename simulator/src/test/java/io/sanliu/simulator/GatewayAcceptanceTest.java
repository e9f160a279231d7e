package io.sanliu.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.ingest.json.DocumentReader;
import io.sanliu.ingest.json.ReaderCatalog;
import io.sanliu.ingest.message.DocumentRoute;
import io.sanliu.model.ceb.CebMessage;
import io.sanliu.model.ceb.CebMessageReader;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.EventType;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.simulator.sink.CebForms;
import io.sanliu.simulator.sink.EnvelopeFactory;
import io.sanliu.simulator.sink.Routes;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.traffic.DocFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own readers (test dependency on ingest) over everything a run sends: every normal
 * document and replay is accepted and names its sender, every deliberately invalid one is refused
 * where the simulator says, every CEB XML message reads back to the same record, and the Kafka path
 * builds exactly the records the gateway would.
 */
class GatewayAcceptanceTest {
  static final PersonalDataHasher HASHER =
      new PersonalDataHasher("simulator-test-hmac-key-0123456789".getBytes(StandardCharsets.UTF_8));
  static final ReaderCatalog READERS = new ReaderCatalog(HASHER);
  static Generated run;

  @BeforeAll
  static void generate() {
    run =
        Generated.run(
            11, Generated.START, AnomalyRates.defaults().withAll(0.01), Duration.ofMinutes(4), 40);
  }

  static Stream<Doc> everything() {
    return Stream.concat(run.filings().stream(), run.docs().stream());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static DocumentReader.Result<BusinessEvent> read(EventType type, JsonNode record) {
    return (DocumentReader.Result) READERS.forType(type).read(record);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static String participant(EventType type, BusinessEvent event) {
    return ((DocumentReader) READERS.forType(type)).participantCode(event);
  }

  @Test
  void theRunSendsEveryTypeInBothFormsAndBothEncodings() {
    Map<EventType, Long> types = new EnumMap<>(EventType.class);
    everything().forEach(d -> types.merge(d.type(), 1L, Long::sum));
    assertEquals(READERS.types(), types.keySet(), "every type the gateway takes is sent");
    for (DocFormat f : DocFormat.values()) {
      assertTrue(run.docs().stream().anyMatch(d -> d.format() == f), f.name());
    }
  }

  @Test
  void everyNormalDocumentAndReplayIsAcceptedAndNamesItsSender() {
    List<String> problems = new ArrayList<>();
    everything()
        .filter(d -> !d.invalid())
        .forEach(
            d -> {
              var result = read(d.type(), d.record());
              if (!result.ok()) {
                problems.add(d + " refused: " + result.errors() + "\n" + d.record());
                return;
              }
              String participant = participant(d.type(), result.event());
              if (participant != null && !participant.equals(d.sender())) {
                problems.add(d + " names " + participant);
              }
              assertNotNull(result.key(), d.toString());
            });
    assertTrue(problems.isEmpty(), problems.size() + " problems, e.g. " + first(problems));
  }

  @Test
  void everyInvalidDocumentIsRefusedWhereTheSimulatorSays() {
    List<Doc> invalid = run.docs().stream().filter(Doc::invalid).toList();
    assertFalse(invalid.isEmpty());
    for (Doc d : invalid) {
      var result = read(d.type(), d.record());
      assertFalse(result.ok(), d + " was accepted: " + d.record());
      FieldError expected = d.expectedError();
      assertTrue(
          result.errors().stream()
              .anyMatch(
                  e -> e.path().equals(expected.path()) && e.reason().contains(expected.reason())),
          d + ": expected " + expected + ", got " + result.errors());
    }
  }

  @Test
  void cebXmlDocumentsReadBackToTheirRecordsAndAreAccepted() {
    CebMessageReader reader = new CebMessageReader();
    List<Doc> xml = run.docs().stream().filter(d -> d.format().xml()).toList();
    assertTrue(xml.size() > 1000, "XML documents: " + xml.size());
    for (Doc d : xml) {
      byte[] bytes = CebForms.xml(d);
      if (d.format() == DocFormat.XML_GBK) {
        assertTrue(new String(bytes, 0, 60, StandardCharsets.US_ASCII).contains("GBK"));
      }
      CebMessage m = reader.read(bytes, Routes.cebType(d));
      assertEquals(d.messageGuid(), m.guid());
      assertEquals(d.type(), m.eventType());
      assertEquals(1, m.records().size());
      assertEquals(d.record(), m.records().get(0), d.toString());
      if (!d.invalid()) assertTrue(read(d.type(), m.records().get(0)).ok(), d.toString());
      if (!m.type().isReceipt()) assertEquals(d.sender(), m.transfer().copCode());
    }
  }

  @Test
  void theKafkaPathBuildsTheRecordsTheGatewayWould() {
    EnvelopeFactory factory = new EnvelopeFactory(HASHER);
    everything()
        .filter(d -> !d.invalid())
        .forEach(
            d -> assertEquals(read(d.type(), d.record()).event(), factory.event(d), d.toString()));
  }

  @Test
  void routesAreTheGatewaysRoutes() {
    for (DocumentRoute route : DocumentRoute.values()) {
      assertEquals("/ingest/v1/" + route.path(), Routes.path(route.type()));
    }
    assertEquals(DocumentRoute.values().length, Routes.PATHS.size());
  }

  @Test
  void personalDataNeverLeavesTheDocumentsInTheLabels() {
    List<String> ids =
        run.of(EventType.ORDER).stream()
            .map(d -> d.text("buyerIdNumber"))
            .filter(java.util.Objects::nonNull)
            .limit(2000)
            .toList();
    String truths = run.truths().toString();
    for (String id : ids) assertFalse(truths.contains(id), "a buyer ID in the ground truth");
  }

  static String first(List<String> problems) {
    return problems.isEmpty() ? "" : problems.get(0);
  }
}
