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
 * Window results on their way to the rankings and the index, written field by field (Flink's record
 * serializer wrote the 22 fields by reflection and the strings a character at a time).
 */
public final class TradeStatsDocumentSerializer
    extends ImmutableValueSerializer<TradeStatsDocument> {
  private static final long serialVersionUID = 1L;

  public static final TradeStatsDocumentSerializer INSTANCE = new TradeStatsDocumentSerializer();

  /** The stream type of window results. */
  public static final TypeInformation<TradeStatsDocument> TYPE =
      new HandWrittenType<>(TradeStatsDocument.class, INSTANCE);

  @Override
  public TradeStatsDocument createInstance() {
    return new TradeStatsDocument(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0, 0, 0,
        0, 0, 0, 0, null);
  }

  @Override
  public void serialize(TradeStatsDocument d, DataOutputView out) throws IOException {
    writeString(d.caliber(), out);
    writeString(d.windowSize(), out);
    writeInstant(d.windowStart(), out);
    writeInstant(d.windowEnd(), out);
    writeString(d.dimension(), out);
    writeString(d.direction(), out);
    writeString(d.key(), out);
    writeString(d.tradeMode(), out);
    writeString(d.country(), out);
    writeString(d.countryName(), out);
    writeString(d.hsChapter(), out);
    writeString(d.ebpCode(), out);
    writeString(d.ebcCode(), out);
    writeString(d.portCode(), out);
    out.writeLong(d.orders());
    out.writeLong(d.parcels());
    out.writeLong(d.valueCents());
    out.writeDouble(d.valueCny());
    out.writeLong(d.buyers());
    out.writeLong(d.avgOrderValueCents());
    out.writeDouble(d.avgOrderValueCny());
    writeInstant(d.updatedAt(), out);
  }

  @Override
  public TradeStatsDocument deserialize(DataInputView in) throws IOException {
    return new TradeStatsDocument(
        readString(in),
        readString(in),
        readInstant(in),
        readInstant(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        readString(in),
        in.readLong(),
        in.readLong(),
        in.readLong(),
        in.readDouble(),
        in.readLong(),
        in.readLong(),
        in.readDouble(),
        readInstant(in));
  }

  @Override
  public TypeSerializerSnapshot<TradeStatsDocument> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer (Flink asks every serializer for one). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<TradeStatsDocument> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
