package io.sanliu.jobs.state;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Strings written with {@link Utf8StringSerializer}: the key type of keyed streams whose state is
 * large. A key's subtask follows {@link String#hashCode()}, as with {@code Types.STRING}; only the
 * bytes of state keys and timers in checkpoints differ, so switching an operator's key type needs a
 * fresh start (its savepoints name the other serializer).
 */
public final class Utf8StringType extends OpaqueType<String> {
  private static final long serialVersionUID = 1L;

  public static final Utf8StringType INSTANCE = new Utf8StringType();

  private Utf8StringType() {}

  @Override
  public Class<String> getTypeClass() {
    return String.class;
  }

  @Override
  public boolean isKeyType() {
    return true;
  }

  @Override
  public TypeSerializer<String> createSerializer(SerializerConfig config) {
    return Utf8StringSerializer.INSTANCE;
  }

  @Override
  public String toString() {
    return "String (UTF-8 block)";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Utf8StringType;
  }

  @Override
  public int hashCode() {
    return "Utf8StringType".hashCode();
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof Utf8StringType;
  }

  /** One instance per JVM, also after Java deserialization of a job graph. */
  private Object readResolve() {
    return INSTANCE;
  }
}
