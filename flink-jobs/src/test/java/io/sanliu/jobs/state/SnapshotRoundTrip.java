package io.sanliu.jobs.state;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** A serializer snapshot written and read back as a checkpoint writes and reads it. */
final class SnapshotRoundTrip {
  private SnapshotRoundTrip() {}

  static <T> TypeSerializerSnapshot<T> of(TypeSerializerSnapshot<T> snapshot) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
    return TypeSerializerSnapshot.readVersionedSnapshot(
        new DataInputDeserializer(out.getCopyOfBuffer()), SnapshotRoundTrip.class.getClassLoader());
  }
}
