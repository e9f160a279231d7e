package io.sanliu.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.ingest.json.DocumentReader;
import io.sanliu.ingest.json.ReaderCatalog;
import io.sanliu.ingest.message.DocumentRoute;
import io.sanliu.model.ceb.CebMessage;
import io.sanliu.model.ceb.CebMessageReader;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.EventType;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.simulator.sink.StubGateway;
import io.sanliu.simulator.sink.StubGateway.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stub gateway that judges like the real one: the gateway's own readers validate each record, the
 * sender is known by its API key and must be the participant the record names, and a message guid
 * accepted before is answered as before. Keeps what it accepted.
 */
final class ReadingGateway implements AutoCloseable {
  /** A record the stub accepted, with when. */
  record Accepted(EventType type, String sender, JsonNode record, Instant at) {}

  private final ReaderCatalog readers =
      new ReaderCatalog(
          new PersonalDataHasher(
              "reading-gateway-key-0123456789".getBytes(StandardCharsets.UTF_8)));
  private final CebMessageReader xml = new CebMessageReader();
  private final Map<String, String> senderByKey = new ConcurrentHashMap<>();
  private final Map<String, Integer> answered = new ConcurrentHashMap<>();
  final List<Accepted> accepted = new CopyOnWriteArrayList<>();
  final List<String> refusals = new CopyOnWriteArrayList<>();
  final StubGateway stub;

  ReadingGateway(Map<String, String> keys) throws Exception {
    keys.forEach((code, key) -> senderByKey.put(key, code));
    stub = new StubGateway(this::answer);
  }

  String url() {
    return stub.url();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Answer answer(StubGateway.Request r) {
    String sender = senderByKey.get(String.valueOf(r.header("X-Api-Key")));
    if (sender == null) return new Answer(401, "{}");
    EventType type =
        DocumentRoute.ofPath(r.path().substring("/ingest/v1/".length())).orElseThrow().type();
    List<JsonNode> records = new ArrayList<>();
    String guid;
    if ("application/xml".equals(r.header("Content-Type"))) {
      CebMessage m = xml.read(r.body());
      records.addAll(m.records());
      guid = m.guid();
    } else {
      JsonNode body = r.json();
      if (body.isArray()) body.forEach(records::add);
      else records.add(body);
      guid = r.header("X-Message-Guid");
    }
    Integer before = answered.get(sender + "|" + guid);
    if (before != null) return new Answer(before, "{\"replay\":true}");
    int ok = 0;
    for (JsonNode record : records) {
      DocumentReader reader = readers.forType(type);
      DocumentReader.Result<BusinessEvent> result = reader.read(record);
      String participant = result.ok() ? reader.participantCode(result.event()) : null;
      if (result.ok() && (participant == null || participant.equals(sender))) {
        ok++;
        accepted.add(new Accepted(type, sender, record, r.at()));
      } else {
        refusals.add(type + " from " + sender + ": " + result.errors());
      }
    }
    int status = ok > 0 ? 202 : 400;
    if (status == 202) answered.put(sender + "|" + guid, status);
    return status == 202 ? StubGateway.accepted(ok) : new Answer(400, "{\"status\":\"rejected\"}");
  }

  @Override
  public void close() {
    stub.close();
  }
}
