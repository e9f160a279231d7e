package io.sanliu.ingest.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import io.sanliu.model.privacy.PersonalDataHasher;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the reader tests share: one hasher, JSON from text, and assertions on errors. */
final class ReaderTestSupport {
  static final PersonalDataHasher HASHER =
      new PersonalDataHasher("test-key-of-16-bytes!".getBytes(StandardCharsets.UTF_8));

  private ReaderTestSupport() {}

  static ObjectNode object(String json) {
    try {
      return (ObjectNode) Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<String> paths(DocumentReader.Result<?> result) {
    return result.errors().stream().map(FieldError::path).toList();
  }

  /** Asserts that the result has an error at {@code path} whose reason contains {@code text}. */
  static void assertError(DocumentReader.Result<?> result, String path, String text) {
    assertTrue(
        result.errors().stream().anyMatch(e -> e.path().equals(path) && e.reason().contains(text)),
        () -> "no error at " + path + " containing '" + text + "' in " + result.errors());
  }

  /** Asserts that none of the clear values appears in the event's JSON form. */
  static void assertNoneInJson(Object event, String... clearValues) throws Exception {
    String json = Json.mapper().writeValueAsString(event);
    for (String clear : clearValues) {
      assertFalse(json.contains(clear), () -> "'" + clear + "' in clear in " + json);
    }
  }
}
