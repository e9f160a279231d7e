package io.sanliu.jobs.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

class Utf8StringSerializerTest {
  final Utf8StringSerializer serializer = Utf8StringSerializer.INSTANCE;

  String roundTrip(String s) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(s, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    String back = serializer.deserialize(in);
    assertEquals(0, in.available(), "everything written is read back");
    return back;
  }

  @Test
  void keysOfEveryKindComeBackAsWritten() throws IOException {
    for (String key :
        new String[] {"", "EBP001:SO-2026-000001", "CALIBER|COUNTRY|I|502", "义乌跨境:订单-7", "😀"}) {
      assertEquals(key, roundTrip(key));
    }
    assertNull(roundTrip(null));
  }

  @Test
  void aStringIsItsByteCountThenItsUtf8Bytes() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize("义乌", out);
    byte[] utf8 = "义乌".getBytes(StandardCharsets.UTF_8);
    assertEquals(4 + utf8.length, out.length());
  }

  @Test
  void copyIntoASmallerBufferGrowsIt() throws IOException {
    String longKey = "EBP001:" + "SO".repeat(60);
    DataOutputSerializer first = new DataOutputSerializer(16);
    serializer.serialize(longKey, first);
    DataOutputSerializer copied = new DataOutputSerializer(16);

    serializer.copy(new DataInputDeserializer(first.getCopyOfBuffer()), copied);

    assertEquals(
        longKey, serializer.deserialize(new DataInputDeserializer(copied.getCopyOfBuffer())));
  }

  @Test
  void copyBetweenViewsKeepsTheBytes() throws IOException {
    DataOutputSerializer first = new DataOutputSerializer(16);
    serializer.serialize("EBP001:SO1", first);
    serializer.serialize(null, first);
    DataOutputSerializer copied = new DataOutputSerializer(16);
    DataInputDeserializer in = new DataInputDeserializer(first.getCopyOfBuffer());
    serializer.copy(in, copied);
    serializer.copy(in, copied);
    assertEquals(
        java.util.Arrays.toString(first.getCopyOfBuffer()),
        java.util.Arrays.toString(copied.getCopyOfBuffer()));
  }

  @Test
  void aCorruptLengthIsRefused() {
    DataInputDeserializer in = new DataInputDeserializer(new byte[] {-1, -1, -1, -2});
    IOException e = assertThrows(IOException.class, () -> serializer.deserialize(in));
    assertTrue(e.getMessage().contains("-2"), e.getMessage());
  }

  @Test
  void aCheckpointedSnapshotRestoresTheSameSerializer() throws Exception {
    TypeSerializerSnapshot<String> read = SnapshotRoundTrip.of(serializer.snapshotConfiguration());
    assertSame(Utf8StringSerializer.INSTANCE, read.restoreSerializer());
    assertTrue(
        read.resolveSchemaCompatibility(serializer.snapshotConfiguration()).isCompatibleAsIs());
  }

  @Test
  void theKeyTypeMakesThisSerializerAndSurvivesJavaSerialization() throws Exception {
    assertSame(
        Utf8StringSerializer.INSTANCE,
        Utf8StringType.INSTANCE.createSerializer(new SerializerConfigImpl()));
    assertTrue(Utf8StringType.INSTANCE.isKeyType());
    Utf8StringType copy =
        InstantiationUtil.clone(Utf8StringType.INSTANCE, getClass().getClassLoader());
    assertSame(Utf8StringType.INSTANCE, copy);
  }
}
