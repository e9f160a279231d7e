package io.sanliu.simulator.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.ceb.CebMessage;
import io.sanliu.model.ceb.CebMessageReader;
import io.sanliu.model.events.EventType;
import io.sanliu.simulator.AnomalyRates;
import io.sanliu.simulator.Generated;
import io.sanliu.simulator.ZoneParticipants;
import io.sanliu.simulator.sink.DeliveryCounts.TypeCounts;
import io.sanliu.simulator.sink.StubGateway.Answer;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.traffic.DocFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewaySinkTest {
  static final Map<String, String> KEYS = ZoneParticipants.newApiKeys();
  static Generated run;
  StubGateway gateway;
  final List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void generate() {
    run =
        Generated.run(
            2, Generated.START, AnomalyRates.defaults().withAll(0.02), Duration.ofSeconds(40), 40);
  }

  @AfterEach
  void stop() {
    if (gateway != null) gateway.close();
  }

  /** One of each type and format, and the invalid documents of a burst. */
  static List<Doc> sample() {
    List<Doc> docs = new ArrayList<>();
    for (EventType t : EventType.values()) {
      for (DocFormat f : DocFormat.values()) {
        run.docs().stream()
            .filter(d -> d.type() == t && d.format() == f && !d.invalid() && !d.replay())
            .findFirst()
            .ifPresent(docs::add);
      }
    }
    run.docs().stream().filter(Doc::invalid).limit(5).forEach(docs::add);
    return docs;
  }

  static Answer answer(StubGateway.Request r) {
    // The stub refuses what the simulator broke on purpose (a real gateway's readers are tested
    // in GatewayAcceptanceTest): an invalid document's guid is known to it through the sample.
    boolean invalid =
        run.docs().stream()
            .filter(Doc::invalid)
            .anyMatch(d -> d.messageGuid().equals(r.header(GatewaySink.MESSAGE_GUID_HEADER)));
    return invalid ? new Answer(400, "{\"status\":\"rejected\"}") : StubGateway.accepted(1);
  }

  @Test
  void eachDocumentGoesToItsRouteWithItsSendersKeyAndMessageGuid() throws Exception {
    gateway = new StubGateway(GatewaySinkTest::answer);
    List<Doc> docs = sample();
    try (GatewaySink sink = new GatewaySink(gateway.url(), KEYS, log::add)) {
      for (Doc d : docs) sink.send(d);
      sink.close();
      assertEquals(docs.size(), gateway.requests().size());
      CebMessageReader reader = new CebMessageReader();
      for (Doc d : docs) {
        StubGateway.Request r =
            gateway.requests().stream()
                .filter(q -> matches(reader, q, d))
                .findFirst()
                .orElseThrow(() -> new AssertionError("not sent: " + d));
        assertEquals("POST", r.method());
        assertEquals(Routes.path(d.type()), r.path());
        assertEquals(KEYS.get(d.sender()), r.header("X-Api-Key"), d.toString());
        if (d.format().xml()) {
          assertEquals("application/xml", r.header("Content-Type"));
          assertNull(r.header(GatewaySink.MESSAGE_GUID_HEADER));
          CebMessage m = reader.read(r.body());
          assertEquals(d.record(), m.records().get(0));
          String declaration =
              new String(r.body(), 0, 40, java.nio.charset.StandardCharsets.US_ASCII);
          assertTrue(
              declaration.contains(d.format() == DocFormat.XML_GBK ? "GBK" : "UTF-8"), declaration);
        } else {
          assertEquals("application/json", r.header("Content-Type"));
          assertEquals(d.record(), r.json());
        }
      }
      TypeCounts total = sink.counts().total();
      assertEquals(docs.size(), total.sent());
      assertEquals(docs.stream().filter(Doc::invalid).count(), total.expectedRefusals());
      assertEquals(docs.stream().filter(d -> !d.invalid()).count(), total.accepted());
      assertEquals(0, total.unexpected() + total.failed());
    }
    assertTrue(log.isEmpty(), log.toString());
  }

  static boolean matches(CebMessageReader reader, StubGateway.Request q, Doc d) {
    if (d.format().xml()) {
      return "application/xml".equals(q.header("Content-Type"))
          && reader.read(q.body()).guid().equals(d.messageGuid());
    }
    return d.messageGuid().equals(q.header(GatewaySink.MESSAGE_GUID_HEADER));
  }

  @Test
  void senderRolesMatchTheDocumentsTheyPush() {
    Map<EventType, String> roles =
        Map.of(
            EventType.ORDER, "PLATFORM",
            EventType.EVALUATION, "PLATFORM",
            EventType.PAYMENT, "PAYMENT",
            EventType.FX_RECEIPT, "PAYMENT",
            EventType.WAYBILL, "LOGISTICS",
            EventType.LOGISTICS_EVENT, "LOGISTICS",
            EventType.CUSTOMS_LIST, "CUSTOMS",
            EventType.CUSTOMS_RECEIPT, "CUSTOMS",
            EventType.ENTERPRISE_FILING, "ZONE",
            EventType.GOODS_FILING, "ZONE");
    java.util.stream.Stream.concat(run.filings().stream(), run.docs().stream())
        .forEach(
            d -> {
              String role =
                  ZoneParticipants.ALL.stream()
                      .filter(p -> p.code().equals(d.sender()))
                      .findFirst()
                      .orElseThrow()
                      .role();
              assertEquals(roles.get(d.type()), role, d.toString());
            });
  }

  @Test
  void filingsGoInBatchesAndCountPerRecord() throws Exception {
    gateway = new StubGateway(r -> StubGateway.accepted(r.json().size()));
    try (GatewaySink sink = new GatewaySink(gateway.url(), KEYS, log::add)) {
      sink.sendReferenceData(run.filings());
      assertTrue(gateway.requests().size() < run.filings().size() / 10, "batched");
      for (StubGateway.Request r : gateway.requests()) {
        assertTrue(r.json().isArray());
        assertTrue(r.json().size() <= 500);
        assertEquals(KEYS.get("ZONE4403"), r.header("X-Api-Key"));
        assertTrue(r.path().endsWith("-filings"), r.path());
      }
      assertEquals(run.filings().size(), sink.counts().total().accepted());
    }
  }

  @Test
  void busyAndUnavailableAnswersAreRetriedAndOtherAnswersCounted() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    gateway =
        new StubGateway(
            r -> calls.incrementAndGet() == 1 ? new Answer(503, "{}") : StubGateway.accepted(1));
    Doc order = run.of(EventType.ORDER).get(0);
    try (GatewaySink sink = new GatewaySink(gateway.url(), KEYS, log::add)) {
      sink.send(order);
      sink.close();
      assertEquals(2, gateway.requests().size());
      assertEquals(1, sink.counts().byType().get(EventType.ORDER).accepted());
    }
    try (StubGateway refusing = new StubGateway(r -> new Answer(401, "{\"status\":\"rejected\"}"));
        GatewaySink sink = new GatewaySink(refusing.url(), KEYS, log::add)) {
      sink.send(order);
      sink.close();
      assertEquals(1, sink.counts().total().unexpected());
      assertTrue(log.stream().anyMatch(l -> l.contains("401")), log.toString());
    }
  }

  @Test
  void aSenderWithoutKeyIsCountedAsFailedNotSent() throws Exception {
    gateway = new StubGateway(r -> StubGateway.accepted(1));
    try (GatewaySink sink = new GatewaySink(gateway.url(), Map.of(), log::add)) {
      sink.send(run.of(EventType.ORDER).get(0));
      sink.close();
      assertEquals(0, gateway.requests().size());
      assertEquals(1, sink.counts().total().failed());
    }
  }
}
