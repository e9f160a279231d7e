package io.sanliu.jobs.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Writes a string as its UTF-8 bytes in one block, behind their count. Flink's own string
 * serializer writes it a character at a time; into a heap-state snapshot every one of those writes
 * is a synchronized call on the checkpoint stream, and a job whose state is keyed by order and list
 * numbers spent most of its snapshot time there (docs/statistics.md, "Throughput"). Strings may be
 * null.
 */
public final class Utf8StringSerializer extends ImmutableValueSerializer<String> {
  private static final long serialVersionUID = 1L;

  public static final Utf8StringSerializer INSTANCE = new Utf8StringSerializer();

  /** The count written for a null string. */
  private static final int NULL = -1;

  @Override
  public String createInstance() {
    return "";
  }

  @Override
  public void serialize(String value, DataOutputView target) throws IOException {
    write(value, target);
  }

  @Override
  public String deserialize(DataInputView source) throws IOException {
    return read(source);
  }

  @Override
  public void copy(DataInputView source, DataOutputView target) throws IOException {
    int length = source.readInt();
    target.writeInt(length);
    if (length > 0) StateFields.copyBytes(source, target, length);
  }

  /** Writes {@code value} (may be null) as a count and that many UTF-8 bytes. */
  public static void write(String value, DataOutputView target) throws IOException {
    if (value == null) {
      target.writeInt(NULL);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    target.writeInt(bytes.length);
    target.write(bytes);
  }

  /** Reads what {@link #write} wrote. */
  public static String read(DataInputView source) throws IOException {
    int length = source.readInt();
    if (length == NULL) return null;
    if (length < 0) throw new IOException("corrupt string length " + length);
    byte[] bytes = new byte[length];
    source.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public TypeSerializerSnapshot<String> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer from a checkpoint. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<String> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
