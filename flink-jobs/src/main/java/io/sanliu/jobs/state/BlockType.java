package io.sanliu.jobs.state;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * A state value's type whose serializer writes another type's serializer output in one block
 * ({@link BlockSerializer}): for state descriptors, e.g. {@code BlockType.of(ParcelState.class)}.
 */
public final class BlockType<T> extends OpaqueType<T> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> inner;

  public BlockType(TypeInformation<T> inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  /** The block type of {@code type} as Flink's type extraction sees it (a record, a POJO). */
  public static <T> BlockType<T> of(Class<T> type) {
    return new BlockType<>(TypeInformation.of(type));
  }

  @Override
  public Class<T> getTypeClass() {
    return inner.getTypeClass();
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<T> createSerializer(SerializerConfig config) {
    return new BlockSerializer<>(inner.createSerializer(config));
  }

  @Override
  public String toString() {
    return "Block(" + inner + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockType<?> other && inner.equals(other.inner);
  }

  @Override
  public int hashCode() {
    return Objects.hash(BlockType.class, inner);
  }

  @Override
  public boolean canEqual(Object o) {
    return o instanceof BlockType<?>;
  }
}
