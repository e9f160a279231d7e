package io.sanliu.jobs.stats;

import static io.sanliu.jobs.state.StateFields.readDecimal;
import static io.sanliu.jobs.state.StateFields.readEnum;
import static io.sanliu.jobs.state.StateFields.readInstant;
import static io.sanliu.jobs.state.StateFields.readInteger;
import static io.sanliu.jobs.state.StateFields.readLong;
import static io.sanliu.jobs.state.StateFields.readString;
import static io.sanliu.jobs.state.StateFields.writeDecimal;
import static io.sanliu.jobs.state.StateFields.writeEnum;
import static io.sanliu.jobs.state.StateFields.writeInstant;
import static io.sanliu.jobs.state.StateFields.writeInteger;
import static io.sanliu.jobs.state.StateFields.writeLong;
import static io.sanliu.jobs.state.StateFields.writeString;

import io.sanliu.jobs.state.ImmutableValueSerializer;
import io.sanliu.jobs.stats.ReleaseJoin.Waiting;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.privacy.PersonalField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The release join's state value, written field by field: of the list only what {@link
 * ListDocument#countedPart} keeps. Flink's record serializer wrote the list's 35 fields by
 * reflection and its strings a character at a time, and the join's state (a list under up to three
 * keys for the whole release wait) was most of what the statistics job's checkpoints wrote
 * (docs/statistics.md, "Throughput").
 */
public final class WaitingSerializer extends ImmutableValueSerializer<Waiting> {
  private static final long serialVersionUID = 1L;

  public static final WaitingSerializer INSTANCE = new WaitingSerializer();

  @Override
  public Waiting createInstance() {
    return new Waiting(null, null, null, null, false, 0);
  }

  @Override
  public void serialize(Waiting w, DataOutputView out) throws IOException {
    writeList(w.list(), out);
    writeString(w.guid(), out);
    writeString(w.source(), out);
    writeLong(w.releasedAt(), out);
    out.writeBoolean(w.counted());
    out.writeLong(w.forgetAt());
  }

  @Override
  public Waiting deserialize(DataInputView in) throws IOException {
    CustomsList list = readList(in);
    String guid = readString(in);
    String source = readString(in);
    Long releasedAt = readLong(in);
    boolean counted = in.readBoolean();
    return new Waiting(list, guid, source, releasedAt, counted, in.readLong());
  }

  static void writeList(CustomsList l, DataOutputView out) throws IOException {
    out.writeBoolean(l != null);
    if (l == null) return;
    writeEnum(l.appType(), out);
    writeInstant(l.appTime(), out);
    writeString(l.orderNo(), out);
    writeString(l.ebpCode(), out);
    writeString(l.ebcCode(), out);
    writeEnum(l.direction(), out);
    writeInstant(l.declTime(), out);
    writeString(l.portCode(), out);
    out.writeBoolean(l.buyerId() != null);
    if (l.buyerId() != null) {
      writeString(l.buyerId().hash(), out);
      writeString(l.buyerId().masked(), out);
    }
    writeEnum(l.tradeMode(), out);
    writeString(l.country(), out);
    writeString(l.currency(), out);
    writeInteger(l.packNo(), out);
    out.writeInt(l.items() == null ? -1 : l.items().size());
    if (l.items() == null) return;
    for (CustomsListItem i : l.items()) {
      out.writeInt(i.gnum());
      writeString(i.gcode(), out);
      writeString(i.currency(), out);
      writeDecimal(i.qty(), out);
      writeDecimal(i.price(), out);
      writeDecimal(i.totalPrice(), out);
    }
  }

  static CustomsList readList(DataInputView in) throws IOException {
    if (!in.readBoolean()) return null;
    AppType appType = readEnum(AppType.class, in);
    var appTime = readInstant(in);
    String orderNo = readString(in);
    String ebpCode = readString(in);
    String ebcCode = readString(in);
    Direction direction = readEnum(Direction.class, in);
    var declTime = readInstant(in);
    String portCode = readString(in);
    PersonalField buyerId =
        in.readBoolean() ? new PersonalField(readString(in), readString(in)) : null;
    TradeMode tradeMode = readEnum(TradeMode.class, in);
    String country = readString(in);
    String currency = readString(in);
    Integer packNo = readInteger(in);
    int count = in.readInt();
    List<CustomsListItem> items = null;
    if (count >= 0) {
      items = new ArrayList<>(count);
      for (int n = 0; n < count; n++) {
        int gnum = in.readInt();
        String gcode = readString(in);
        String itemCurrency = readString(in);
        var qty = readDecimal(in);
        var price = readDecimal(in);
        var total = readDecimal(in);
        items.add(
            new CustomsListItem(
                gnum,
                null,
                null,
                null,
                gcode,
                null,
                null,
                null,
                itemCurrency,
                qty,
                null,
                null,
                null,
                price,
                total));
      }
    }
    return new CustomsList(
        null, appType, appTime, null, orderNo, ebpCode, ebcCode, null, null, null, null, null, null,
        direction, declTime, null, portCode, null, null, buyerId, null, null, null, null, null,
        tradeMode, null, country, null, null, currency, packNo, null, null, items);
  }

  @Override
  public TypeSerializerSnapshot<Waiting> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer from a checkpoint. */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<Waiting> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
