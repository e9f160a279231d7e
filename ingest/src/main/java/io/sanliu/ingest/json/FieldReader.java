package io.sanliu.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.model.ceb.CebTime;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads typed fields of one JSON object and collects every problem with its path, so that a sender
 * learns all that is wrong with a record at once, not one error per attempt.
 */
public final class FieldReader {
  private final JsonNode node;
  private final String path;
  private final List<FieldError> errors;

  public FieldReader(JsonNode node, String path, List<FieldError> errors) {
    this.node = node;
    this.path = path;
    this.errors = errors;
  }

  public static FieldReader root(JsonNode node) {
    return new FieldReader(node, "", new ArrayList<>());
  }

  public List<FieldError> errors() {
    return errors;
  }

  public String pathOf(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  public void error(String field, String reason) {
    errors.add(new FieldError(pathOf(field), reason));
  }

  private JsonNode value(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  public String optionalText(String field) {
    JsonNode v = value(field);
    if (v == null) return null;
    if (!v.isValueNode()) {
      error(field, "must be a text value");
      return null;
    }
    String s = v.asText().trim();
    return s.isEmpty() ? null : s;
  }

  public String requiredText(String field) {
    String s = optionalText(field);
    if (s == null && !hasErrorAt(field)) error(field, "is required");
    return s;
  }

  public BigDecimal optionalAmount(String field) {
    JsonNode v = value(field);
    if (v == null) return null;
    BigDecimal amount;
    try {
      amount = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
    } catch (NumberFormatException e) {
      error(field, "must be a decimal number, not '" + v.asText() + "'");
      return null;
    }
    if (amount.signum() < 0) {
      error(field, "must not be negative (" + amount.toPlainString() + ")");
      return null;
    }
    return amount;
  }

  public BigDecimal requiredAmount(String field) {
    BigDecimal a = optionalAmount(field);
    if (a == null && value(field) == null) error(field, "is required");
    return a;
  }

  public Instant requiredTime(String field) {
    String s = requiredText(field);
    if (s == null) return null;
    try {
      return CebTime.parse(s);
    } catch (IllegalArgumentException e) {
      error(field, e.getMessage());
      return null;
    }
  }

  /** A code from a code list; the parser's message lists the allowed codes. */
  public <T> T optionalCode(String field, Function<String, T> parse) {
    String s = optionalText(field);
    if (s == null) return null;
    try {
      return parse.apply(s);
    } catch (IllegalArgumentException e) {
      error(field, e.getMessage());
      return null;
    }
  }

  public <T> T requiredCode(String field, Function<String, T> parse) {
    T t = optionalCode(field, parse);
    if (t == null && !hasErrorAt(field)) error(field, "is required");
    return t;
  }

  /** The elements of an array field, each with its own reader and path. */
  public List<FieldReader> array(String field, boolean required) {
    JsonNode v = value(field);
    List<FieldReader> items = new ArrayList<>();
    if (v == null) {
      if (required) error(field, "is required");
      return items;
    }
    if (!v.isArray()) {
      error(field, "must be an array");
      return items;
    }
    for (int i = 0; i < v.size(); i++) {
      items.add(new FieldReader(v.get(i), pathOf(field) + "[" + i + "]", errors));
    }
    return items;
  }

  private boolean hasErrorAt(String field) {
    String p = pathOf(field);
    return errors.stream().anyMatch(e -> e.path().equals(p));
  }
}
