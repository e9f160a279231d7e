package io.sanliu.jobs.state;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Nullable fields written in blocks, for hand-written state serializers: strings as UTF-8 ({@link
 * Utf8StringSerializer}), instants as seconds and nanos, decimals as unscaled bytes and scale,
 * enums by name (so reordering constants cannot change a restored value).
 */
public final class StateFields {
  private StateFields() {}

  public static void writeString(String s, DataOutputView out) throws IOException {
    Utf8StringSerializer.write(s, out);
  }

  public static String readString(DataInputView in) throws IOException {
    return Utf8StringSerializer.read(in);
  }

  /**
   * Copies {@code length} bytes between views through an array: {@code
   * DataOutputSerializer.write(DataInputView, int)} does not grow its buffer.
   */
  public static void copyBytes(DataInputView source, DataOutputView target, int length)
      throws IOException {
    byte[] bytes = new byte[length];
    source.readFully(bytes);
    target.write(bytes);
  }

  public static void writeInstant(Instant t, DataOutputView out) throws IOException {
    out.writeBoolean(t != null);
    if (t == null) return;
    out.writeLong(t.getEpochSecond());
    out.writeInt(t.getNano());
  }

  public static Instant readInstant(DataInputView in) throws IOException {
    if (!in.readBoolean()) return null;
    long seconds = in.readLong();
    return Instant.ofEpochSecond(seconds, in.readInt());
  }

  public static void writeDecimal(BigDecimal d, DataOutputView out) throws IOException {
    if (d == null) {
      out.writeInt(-1);
      return;
    }
    byte[] unscaled = d.unscaledValue().toByteArray();
    out.writeInt(unscaled.length);
    out.write(unscaled);
    out.writeInt(d.scale());
  }

  public static BigDecimal readDecimal(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) return null;
    byte[] unscaled = new byte[length];
    in.readFully(unscaled);
    return new BigDecimal(new BigInteger(unscaled), in.readInt());
  }

  public static void writeEnum(Enum<?> e, DataOutputView out) throws IOException {
    writeString(e == null ? null : e.name(), out);
  }

  public static <E extends Enum<E>> E readEnum(Class<E> type, DataInputView in) throws IOException {
    String name = readString(in);
    return name == null ? null : Enum.valueOf(type, name);
  }

  public static void writeInteger(Integer i, DataOutputView out) throws IOException {
    out.writeBoolean(i != null);
    if (i != null) out.writeInt(i);
  }

  public static Integer readInteger(DataInputView in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  public static void writeLong(Long l, DataOutputView out) throws IOException {
    out.writeBoolean(l != null);
    if (l != null) out.writeLong(l);
  }

  public static Long readLong(DataInputView in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }
}
