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
 * Lists and releases on their way to the release join, written field by field: of a list only what
 * {@link ListDocument#countedPart} keeps (the only lists {@link ListDocument#ofList} makes), as
 * {@link WaitingSerializer} writes it. Flink's record serializer wrote the list's 35 fields by
 * reflection, a tenth of the job's samples with the other records it shuffles.
 */
public final class ListDocumentSerializer extends ImmutableValueSerializer<ListDocument> {
  private static final long serialVersionUID = 1L;

  public static final ListDocumentSerializer INSTANCE = new ListDocumentSerializer();

  /** The stream type of list documents. */
  public static final TypeInformation<ListDocument> TYPE =
      new HandWrittenType<>(ListDocument.class, INSTANCE);

  @Override
  public ListDocument createInstance() {
    return new ListDocument(null, null, null, null, null);
  }

  @Override
  public void serialize(ListDocument d, DataOutputView out) throws IOException {
    writeString(d.joinKey(), out);
    WaitingSerializer.writeList(d.list(), out);
    writeString(d.guid(), out);
    writeString(d.source(), out);
    writeInstant(d.releasedAt(), out);
  }

  @Override
  public ListDocument deserialize(DataInputView in) throws IOException {
    String joinKey = readString(in);
    var list = WaitingSerializer.readList(in);
    String guid = readString(in);
    String source = readString(in);
    return new ListDocument(joinKey, list, guid, source, readInstant(in));
  }

  @Override
  public TypeSerializerSnapshot<ListDocument> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer (Flink asks every serializer for one). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<ListDocument> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
