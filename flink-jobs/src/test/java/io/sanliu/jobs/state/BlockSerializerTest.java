package io.sanliu.jobs.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputViewStreamWrapper;
import org.junit.jupiter.api.Test;

class BlockSerializerTest {

  /** A state value as the rule families keep them: strings, times, amounts, a list. */
  public record Kept(String key, Instant at, BigDecimal amount, List<String> guids) {}

  private static final Kept KEPT =
      new Kept(
          "EBP0001:SO-20261123-000042",
          Instant.parse("2026-11-23T01:02:03.456Z"),
          new BigDecimal("4999.99"),
          List.of("G-1", "G-2"));

  private final TypeSerializer<Kept> serializer =
      BlockType.of(Kept.class).createSerializer(new SerializerConfigImpl());

  private static byte[] write(TypeSerializer<Kept> s, Kept value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    s.serialize(value, out);
    return out.getCopyOfBuffer();
  }

  @Test
  void aValueComesBackWholeAndEveryByteIsRead() throws IOException {
    DataInputDeserializer in = new DataInputDeserializer(write(serializer, KEPT));

    assertEquals(KEPT, serializer.deserialize(in));
    assertEquals(0, in.available());
  }

  @Test
  void theBlockIsTheInnerSerializersOutputBehindItsLength() throws IOException {
    TypeSerializer<Kept> inner = ((BlockSerializer<Kept>) serializer).inner();
    byte[] plain = write(inner, KEPT);
    byte[] block = write(serializer, KEPT);

    DataInputDeserializer in = new DataInputDeserializer(block);
    assertEquals(plain.length, in.readInt());
    byte[] rest = new byte[plain.length];
    in.readFully(rest);
    assertArrayEquals(plain, rest);
  }

  @Test
  void aCheckpointStreamGetsAFewCallsInsteadOfOnePerCharacter() throws IOException {
    int[] calls = new int[2];
    TypeSerializer<Kept> inner = ((BlockSerializer<Kept>) serializer).inner();
    inner.serialize(KEPT, new DataOutputViewStreamWrapper(counting(calls, 0)));
    serializer.serialize(KEPT, new DataOutputViewStreamWrapper(counting(calls, 1)));

    assertTrue(calls[1] <= 5, "length and block: " + calls[1] + " calls");
    assertTrue(calls[0] > 30, "the record serializer alone: " + calls[0] + " calls");
  }

  private static OutputStream counting(int[] calls, int slot) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        calls[slot]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        calls[slot]++;
      }
    };
  }

  @Test
  void copyingBetweenViewsKeepsTheBytes() throws IOException {
    byte[] block = write(serializer, KEPT);
    DataOutputSerializer copied = new DataOutputSerializer(64);

    serializer.copy(new DataInputDeserializer(block), copied);

    assertArrayEquals(block, copied.getCopyOfBuffer());
  }

  @Test
  void duplicatesWriteIndependently() throws IOException {
    TypeSerializer<Kept> other = serializer.duplicate();
    Kept second = new Kept("K2", Instant.EPOCH, null, List.of());

    assertNotSame(serializer, other);
    assertEquals(serializer, other);
    byte[] first = write(serializer, KEPT);
    assertEquals(second, other.deserialize(new DataInputDeserializer(write(other, second))));
    assertEquals(KEPT, serializer.deserialize(new DataInputDeserializer(first)));
  }

  @Test
  void aCorruptLengthIsRefused() {
    DataInputDeserializer in = new DataInputDeserializer(new byte[] {-1, -1, -1, -3});

    IOException e = assertThrows(IOException.class, () -> serializer.deserialize(in));
    assertTrue(e.getMessage().contains("-3"), e.getMessage());
  }

  @Test
  void aCheckpointedSnapshotRestoresAnEqualSerializer() throws Exception {
    TypeSerializerSnapshot<Kept> read = SnapshotRoundTrip.of(serializer.snapshotConfiguration());

    assertEquals(serializer, read.restoreSerializer());
    assertTrue(
        read.resolveSchemaCompatibility(serializer.snapshotConfiguration()).isCompatibleAsIs());
  }
}
