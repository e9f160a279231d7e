package io.sanliu.jobs.state;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * A record type that crosses the network through a serializer of its own (an {@link
 * ImmutableValueSerializer}) instead of Flink's reflective POJO serializer, which writes every
 * field through reflection and a string a character at a time. Not a key type: streams of it are
 * keyed by a field.
 */
public final class HandWrittenType<T> extends OpaqueType<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private final TypeSerializer<T> serializer;

  public HandWrittenType(Class<T> type, TypeSerializer<T> serializer) {
    this.type = type;
    this.serializer = serializer;
  }

  @Override
  public Class<T> getTypeClass() {
    return type;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return serializer;
  }

  @Override
  public String toString() {
    return type.getSimpleName() + " (" + serializer.getClass().getSimpleName() + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HandWrittenType<?> other
        && type.equals(other.type)
        && serializer.getClass().equals(other.serializer.getClass());
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, serializer.getClass());
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof HandWrittenType<?>;
  }
}
