package io.sanliu.jobs.stats;

import static io.sanliu.jobs.state.StateFields.readInstant;
import static io.sanliu.jobs.state.StateFields.readString;
import static io.sanliu.jobs.state.StateFields.writeInstant;
import static io.sanliu.jobs.state.StateFields.writeString;

import io.sanliu.jobs.state.HandWrittenType;
import io.sanliu.jobs.state.ImmutableValueSerializer;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Minute sums on their way to the windows, written field by field (Flink's record serializer went
 * through reflection and wrote the slice key a character at a time).
 */
public final class SlicePartialSerializer extends ImmutableValueSerializer<SlicePartial> {
  private static final long serialVersionUID = 1L;

  public static final SlicePartialSerializer INSTANCE = new SlicePartialSerializer();

  /** The stream type of minute sums. */
  public static final TypeInformation<SlicePartial> TYPE =
      new HandWrittenType<>(SlicePartial.class, INSTANCE);

  @Override
  public SlicePartial createInstance() {
    return new SlicePartial(null, 0, 0, 0, null, null, null, null);
  }

  @Override
  public void serialize(SlicePartial p, DataOutputView out) throws IOException {
    writeString(p.slice(), out);
    out.writeLong(p.orders());
    out.writeLong(p.parcels());
    out.writeLong(p.valueCents());
    out.writeInt(p.buyers() == null ? -1 : p.buyers().length);
    if (p.buyers() != null) out.write(p.buyers());
    writeString(p.documentKey(), out);
    writeString(p.sourceGuid(), out);
    writeInstant(p.eventTime(), out);
  }

  @Override
  public SlicePartial deserialize(DataInputView in) throws IOException {
    String slice = readString(in);
    long orders = in.readLong();
    long parcels = in.readLong();
    long valueCents = in.readLong();
    int length = in.readInt();
    byte[] buyers = null;
    if (length >= 0) {
      buyers = new byte[length];
      in.readFully(buyers);
    }
    String documentKey = readString(in);
    String sourceGuid = readString(in);
    return new SlicePartial(
        slice, orders, parcels, valueCents, buyers, documentKey, sourceGuid, readInstant(in));
  }

  @Override
  public TypeSerializerSnapshot<SlicePartial> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer (Flink asks every serializer for one). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<SlicePartial> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
