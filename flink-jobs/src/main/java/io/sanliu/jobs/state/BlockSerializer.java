package io.sanliu.jobs.state;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.CompositeTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Another serializer's output, written as one block behind its length. A state value of records
 * (documents a rule family or the matcher keeps) goes through Flink's record serializer, which
 * writes each string a character at a time; into a heap-state snapshot each of those writes is a
 * call through the checkpoint stream's layers, and a profile of the risk engine had the snapshots
 * writing such values as its largest cost (docs/benchmarks.md). Written into an in-memory buffer
 * first, the value costs array stores and one call on the stream. For state only: on the network
 * the target is already an in-memory buffer, and the block would add a copy.
 */
public final class BlockSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final TypeSerializer<T> inner;

  /** This instance's own buffer: Flink duplicates a serializer for every thread that uses it. */
  private transient DataOutputSerializer buffer;

  private transient DataInputDeserializer reader;

  public BlockSerializer(TypeSerializer<T> inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  /** The serializer whose output this one writes in a block. */
  public TypeSerializer<T> inner() {
    return inner;
  }

  @Override
  public boolean isImmutableType() {
    return inner.isImmutableType();
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return new BlockSerializer<>(inner.duplicate());
  }

  @Override
  public T createInstance() {
    return inner.createInstance();
  }

  @Override
  public T copy(T from) {
    return inner.copy(from);
  }

  @Override
  public T copy(T from, T reuse) {
    return inner.copy(from, reuse);
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    if (buffer == null) buffer = new DataOutputSerializer(256);
    buffer.clear();
    inner.serialize(value, buffer);
    target.writeInt(buffer.length());
    target.write(buffer.getSharedBuffer(), 0, buffer.length());
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    return inner.deserialize(block(source));
  }

  @Override
  public T deserialize(T reuse, DataInputView source) throws IOException {
    return inner.deserialize(reuse, block(source));
  }

  private DataInputView block(DataInputView source) throws IOException {
    int length = source.readInt();
    if (length < 0) throw new IOException("corrupt block length " + length);
    byte[] bytes = new byte[length];
    source.readFully(bytes);
    if (reader == null) reader = new DataInputDeserializer();
    reader.setBuffer(bytes);
    return reader;
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    StateFields.copyBytes(source, target, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockSerializer<?> other && inner.equals(other.inner);
  }

  @Override
  public int hashCode() {
    return 31 * BlockSerializer.class.hashCode() + inner.hashCode();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>(this);
  }

  /** Restores the serializer with its inner one's own snapshot (and so its compatibility rules). */
  public static final class Snapshot<T>
      extends CompositeTypeSerializerSnapshot<T, BlockSerializer<T>> {
    private static final int VERSION = 1;

    public Snapshot() {}

    Snapshot(BlockSerializer<T> serializer) {
      super(serializer);
    }

    @Override
    protected int getCurrentOuterSnapshotVersion() {
      return VERSION;
    }

    @Override
    protected TypeSerializer<?>[] getNestedSerializers(BlockSerializer<T> outer) {
      return new TypeSerializer<?>[] {outer.inner};
    }

    @Override
    @SuppressWarnings("unchecked")
    protected BlockSerializer<T> createOuterSerializerWithNestedSerializers(
        TypeSerializer<?>[] nested) {
      return new BlockSerializer<>((TypeSerializer<T>) nested[0]);
    }
  }
}
