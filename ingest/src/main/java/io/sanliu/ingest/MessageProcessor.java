package io.sanliu.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.ingest.auth.Sender;
import io.sanliu.ingest.json.DocumentReader;
import io.sanliu.ingest.kafka.EventPublisher;
import io.sanliu.ingest.kafka.EventPublisher.Outgoing;
import io.sanliu.ingest.message.IncomingMessage;
import io.sanliu.ingest.receipts.ReceiptStore;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.ingest.Receipt;
import io.sanliu.model.ingest.RecordReceipt;
import io.sanliu.model.kafka.DeadLetter;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What the gateway does with a readable message from an authenticated sender: recognise a replay,
 * check the sender may push what it pushes, validate each record, publish the accepted ones and
 * keep every refused one on the dead-letter topic, then answer only once Kafka has acknowledged.
 */
public final class MessageProcessor {
  /** The field of each document type that names the participant who must be the sender. */
  static final Map<EventType, String> PARTICIPANT_FIELD =
      Map.of(
          EventType.ORDER, "ebpCode",
          EventType.EVALUATION, "ebpCode",
          EventType.PAYMENT, "payCode",
          EventType.FX_RECEIPT, "bankCode",
          EventType.WAYBILL, "logisticsCode",
          EventType.LOGISTICS_EVENT, "logisticsCode");

  private final Function<EventType, DocumentReader<?>> readers;
  private final EventPublisher publisher;
  private final ReceiptStore receipts;
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

  public MessageProcessor(
      Function<EventType, DocumentReader<?>> readers,
      EventPublisher publisher,
      ReceiptStore receipts,
      int maxInFlight) {
    this.readers = readers;
    this.publisher = publisher;
    this.receipts = receipts;
    this.maxInFlight = maxInFlight;
  }

  /** Waits until no message is in progress, at most {@code timeout}. */
  public void awaitIdle(java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while ((!inProgress.isEmpty() || inFlight.get() > 0) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The status code to answer with and the receipt. */
  public record Outcome(int status, Receipt receipt) {}

  public Future<Outcome> process(
      Context ctx, Sender sender, IncomingMessage message, String contentType, Instant receivedAt) {
    String guid = message.guid();
    var stored = receipts.find(sender.code(), guid);
    if (stored.isPresent()) {
      // Answered as before, published nothing; the replay itself is kept for the risk team.
      DeadLetter replay =
          DeadLetter.of(
              "ingest",
              sender.code(),
              guid,
              contentType,
              List.of(
                  new FieldError(
                      "guid", "replay of accepted message " + guid + ": not published again")),
              message.records().toString(),
              receivedAt);
      return publisher
          .publish(ctx, Topics.DEAD_LETTER, guid, replay)
          .map(md -> new Outcome(stored.get().httpStatus(), stored.get()));
    }
    if (!sender.role().mayPush(message.type())) {
      return refuseWhole(
          ctx,
          sender,
          message,
          contentType,
          receivedAt,
          403,
          "",
          "a " + sender.role() + " sender may not push " + message.type() + " documents");
    }
    String storeKey = Receipt.storeKey(sender.code(), guid);
    if (!inProgress.add(storeKey)) {
      return Future.succeededFuture(
          new Outcome(
              409,
              Receipt.refused(
                  guid,
                  sender.code(),
                  409,
                  receivedAt,
                  "guid",
                  "message " + guid + " is being processed; ask again for its receipt")));
    }
    return validateAndPublish(ctx, sender, message, contentType, receivedAt)
        .eventually(
            () -> {
              inProgress.remove(storeKey);
              return Future.succeededFuture();
            });
  }

  private Future<Outcome> validateAndPublish(
      Context ctx, Sender sender, IncomingMessage message, String contentType, Instant receivedAt) {
    DocumentReader<?> reader = readers.apply(message.type());
    List<RecordReceipt> records = new ArrayList<>();
    List<Outgoing<?>> outgoing = new ArrayList<>();
    boolean forbidden = false;
    for (int i = 0; i < message.records().size(); i++) {
      JsonNode node = message.records().get(i);
      Checked checked = check(reader, node, sender, message.type());
      if (checked.errors.isEmpty()) {
        String recordGuid =
            node.hasNonNull("guid") ? node.get("guid").asText() : message.guid() + "#" + i;
        records.add(RecordReceipt.accepted(i, checked.key, recordGuid));
        Envelope<BusinessEvent> envelope =
            Envelope.of(message.type(), sender.code(), recordGuid, receivedAt, checked.event);
        outgoing.add(toTopic(envelope));
      } else {
        forbidden |= checked.forbidden;
        records.add(RecordReceipt.rejected(i, checked.key, checked.errors));
        DeadLetter letter =
            DeadLetter.of(
                "ingest",
                sender.code(),
                message.guid(),
                contentType,
                checked.errors,
                node.toString(),
                receivedAt);
        outgoing.add(new Outgoing<>(Topics.DEAD_LETTER, message.guid(), letter));
      }
    }
    int accepted = (int) records.stream().filter(RecordReceipt::accepted).count();
    int waiting = inFlight.addAndGet(accepted);
    // A message larger than the limit still goes through when nothing else waits: refusing it
    // would refuse it forever.
    if (waiting > maxInFlight && waiting != accepted) {
      inFlight.addAndGet(-accepted);
      return Future.succeededFuture(
          new Outcome(
              429,
              Receipt.refused(
                  message.guid(),
                  sender.code(),
                  429,
                  receivedAt,
                  "",
                  "the gateway is busy: retry after a second (nothing of this message was stored)")));
    }
    int status = accepted > 0 ? 202 : forbidden ? 403 : 400;
    Receipt receipt = Receipt.of(message.guid(), sender.code(), status, receivedAt, records);
    return publisher
        .publishAll(ctx, outgoing)
        .eventually(
            () -> {
              inFlight.addAndGet(-accepted);
              return Future.succeededFuture();
            })
        .compose(all -> accepted > 0 ? keep(ctx, receipt) : Future.succeededFuture(receipt))
        .map(r -> new Outcome(status, r))
        .recover(
            e ->
                Future.succeededFuture(
                    new Outcome(
                        503,
                        Receipt.refused(
                            message.guid(),
                            sender.code(),
                            503,
                            receivedAt,
                            "",
                            "not stored, send the message again: " + e.getMessage()))));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Outgoing<?> toTopic(Envelope<BusinessEvent> envelope) {
    Topic topic = Topics.BY_TYPE.get(envelope.type());
    return new Outgoing<>(topic, envelope.key(), envelope);
  }

  private Future<Receipt> keep(Context ctx, Receipt receipt) {
    String key = Receipt.storeKey(receipt.sender(), receipt.messageGuid());
    return publisher
        .publish(ctx, Topics.INGEST_RECEIPTS, key, receipt)
        .map(
            md -> {
              receipts.remember(key, receipt);
              return receipt;
            });
  }

  private record Checked(
      BusinessEvent event, String key, List<FieldError> errors, boolean forbidden) {}

  private static Checked check(
      DocumentReader<?> reader, JsonNode node, Sender sender, EventType type) {
    DocumentReader.Result<? extends BusinessEvent> result = reader.read(node);
    if (!result.ok()) return new Checked(null, result.key(), result.errors(), false);
    String participant = participantOf(reader, result.event());
    if (participant != null && !participant.equals(sender.code())) {
      String field = PARTICIPANT_FIELD.getOrDefault(type, "");
      return new Checked(
          null,
          result.key(),
          List.of(
              new FieldError(
                  field,
                  "names participant " + participant + " but the sender is " + sender.code())),
          true);
    }
    return new Checked(result.event(), result.key(), List.of(), false);
  }

  @SuppressWarnings("unchecked")
  private static <T extends BusinessEvent> String participantOf(
      DocumentReader<T> reader, BusinessEvent event) {
    return reader.participantCode((T) event);
  }

  private Future<Outcome> refuseWhole(
      Context ctx,
      Sender sender,
      IncomingMessage message,
      String contentType,
      Instant receivedAt,
      int status,
      String path,
      String reason) {
    Receipt receipt =
        Receipt.refused(message.guid(), sender.code(), status, receivedAt, path, reason);
    DeadLetter letter =
        DeadLetter.of(
            "ingest",
            sender.code(),
            message.guid(),
            contentType,
            List.of(new FieldError(path, reason)),
            message.records().toString(),
            receivedAt);
    return publisher
        .publish(ctx, Topics.DEAD_LETTER, message.guid(), letter)
        .map(md -> new Outcome(status, receipt));
  }
}
