package io.sanliu.ingest;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Compares two values component by component (records recursively, lists element by element) and
 * names every difference by its path, e.g. {@code payload.items[1].price: expected 44.00 but was
 * 44.0}. Decimals are compared exactly, scale included ({@code 0.90} is not {@code 0.9}).
 */
final class FieldByField {
  private FieldByField() {}

  /** Adds one line per difference between {@code expected} and {@code actual} to {@code diffs}. */
  static void compare(Object expected, Object actual, String path, List<String> diffs) {
    if (expected == null || actual == null) {
      if (!Objects.equals(expected, actual)) diffs.add(diff(path, expected, actual));
      return;
    }
    if (expected instanceof Record) {
      if (!expected.getClass().equals(actual.getClass())) {
        diffs.add(diff(path, expected.getClass().getSimpleName(), actual.getClass()));
        return;
      }
      for (RecordComponent c : expected.getClass().getRecordComponents()) {
        compare(value(c, expected), value(c, actual), path + "." + c.getName(), diffs);
      }
    } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        diffs.add(path + ": expected " + e.size() + " elements but found " + a.size());
        return;
      }
      for (int i = 0; i < e.size(); i++) compare(e.get(i), a.get(i), path + "[" + i + "]", diffs);
    } else if (expected instanceof BigDecimal e) {
      // equals, not compareTo: the amount must arrive exactly as sent.
      if (!e.equals(actual)) diffs.add(diff(path, e.toPlainString(), plain(actual)));
    } else if (!expected.equals(actual)) {
      diffs.add(diff(path, expected, actual));
    }
  }

  private static Object value(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + c.getName(), e);
    }
  }

  private static String plain(Object o) {
    return o instanceof BigDecimal d ? d.toPlainString() : String.valueOf(o);
  }

  private static String diff(String path, Object expected, Object actual) {
    return path + ": expected <" + expected + "> but was <" + actual + ">";
  }
}
