package io.sanliu.jobs.stats;

import static io.sanliu.jobs.state.StateFields.readDecimal;
import static io.sanliu.jobs.state.StateFields.readEnum;
import static io.sanliu.jobs.state.StateFields.readInstant;
import static io.sanliu.jobs.state.StateFields.readString;
import static io.sanliu.jobs.state.StateFields.writeDecimal;
import static io.sanliu.jobs.state.StateFields.writeEnum;
import static io.sanliu.jobs.state.StateFields.writeInstant;
import static io.sanliu.jobs.state.StateFields.writeString;

import io.sanliu.jobs.state.HandWrittenType;
import io.sanliu.jobs.state.ImmutableValueSerializer;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.privacy.PersonalField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Orders cut to {@link TradeFacts#countedPart} on their way to the first-of-order operator, written
 * field by field: the envelope and exactly the fields the counted part keeps (anything else an
 * order carries is not written, so this type belongs only after that cut). Flink's record
 * serializer wrote the order's 32 fields and each item's 13 by reflection.
 */
public final class CountedOrderSerializer extends ImmutableValueSerializer<Envelope<Order>> {
  private static final long serialVersionUID = 1L;

  public static final CountedOrderSerializer INSTANCE = new CountedOrderSerializer();

  /** The stream type of orders cut to their counted part. */
  @SuppressWarnings("unchecked")
  public static final TypeInformation<Envelope<Order>> TYPE =
      new HandWrittenType<>((Class<Envelope<Order>>) (Class<?>) Envelope.class, INSTANCE);

  @Override
  public Envelope<Order> createInstance() {
    return new Envelope<>(
        EventType.ORDER,
        Envelope.CURRENT_SCHEMA_VERSION,
        null,
        null,
        null,
        null,
        TradeFacts.countedOrder(
            null, null, null, null, null, null, null, null, null, null, null, null));
  }

  @Override
  public void serialize(Envelope<Order> e, DataOutputView out) throws IOException {
    writeEnum(e.type(), out);
    out.writeInt(e.schemaVersion());
    writeString(e.source(), out);
    writeString(e.messageGuid(), out);
    writeInstant(e.eventTime(), out);
    writeInstant(e.ingestTime(), out);
    Order o = e.payload();
    writeString(o.guid(), out);
    writeEnum(o.appType(), out);
    writeInstant(o.appTime(), out);
    writeEnum(o.direction(), out);
    writeEnum(o.tradeMode(), out);
    writeString(o.orderNo(), out);
    writeString(o.ebpCode(), out);
    writeString(o.ebcCode(), out);
    writeDecimal(o.goodsValue(), out);
    writeString(o.currency(), out);
    out.writeBoolean(o.buyerId() != null);
    if (o.buyerId() != null) writeString(o.buyerId().hash(), out);
    out.writeInt(o.items() == null ? -1 : o.items().size());
    if (o.items() == null) return;
    for (OrderItem i : o.items()) {
      out.writeInt(i.gnum());
      writeString(i.itemNo(), out);
      writeDecimal(i.qty(), out);
      writeDecimal(i.price(), out);
      writeDecimal(i.totalPrice(), out);
      writeString(i.currency(), out);
      writeString(i.country(), out);
    }
  }

  @Override
  public Envelope<Order> deserialize(DataInputView in) throws IOException {
    EventType type = readEnum(EventType.class, in);
    int schemaVersion = in.readInt();
    String source = readString(in);
    String messageGuid = readString(in);
    var eventTime = readInstant(in);
    var ingestTime = readInstant(in);
    String guid = readString(in);
    AppType appType = readEnum(AppType.class, in);
    var appTime = readInstant(in);
    Direction direction = readEnum(Direction.class, in);
    TradeMode tradeMode = readEnum(TradeMode.class, in);
    String orderNo = readString(in);
    String ebpCode = readString(in);
    String ebcCode = readString(in);
    var goodsValue = readDecimal(in);
    String currency = readString(in);
    PersonalField buyerId = in.readBoolean() ? new PersonalField(readString(in), null) : null;
    int count = in.readInt();
    List<OrderItem> items = null;
    if (count >= 0) {
      items = new ArrayList<>(count);
      for (int n = 0; n < count; n++) {
        int gnum = in.readInt();
        String itemNo = readString(in);
        var qty = readDecimal(in);
        var price = readDecimal(in);
        var total = readDecimal(in);
        String itemCurrency = readString(in);
        String country = readString(in);
        items.add(TradeFacts.countedItem(gnum, itemNo, qty, price, total, itemCurrency, country));
      }
    }
    return new Envelope<>(
        type,
        schemaVersion,
        source,
        messageGuid,
        eventTime,
        ingestTime,
        TradeFacts.countedOrder(
            guid,
            appType,
            appTime,
            direction,
            tradeMode,
            orderNo,
            ebpCode,
            ebcCode,
            goodsValue,
            currency,
            buyerId,
            items));
  }

  @Override
  public TypeSerializerSnapshot<Envelope<Order>> snapshotConfiguration() {
    return new Snapshot();
  }

  /** Restores the serializer (Flink asks every serializer for one). */
  public static final class Snapshot extends SimpleTypeSerializerSnapshot<Envelope<Order>> {
    public Snapshot() {
      super(() -> INSTANCE);
    }
  }
}
