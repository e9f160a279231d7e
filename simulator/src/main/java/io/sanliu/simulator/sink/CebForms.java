package io.sanliu.simulator.sink;

import io.sanliu.model.ceb.CebMessage;
import io.sanliu.model.ceb.CebMessage.Transfer;
import io.sanliu.model.ceb.CebMessageType;
import io.sanliu.model.ceb.CebMessageWriter;
import io.sanliu.simulator.traffic.Doc;
import io.sanliu.simulator.zone.Zone;
import java.util.List;

/**
 * A document as the CEB XML message its sender would transmit: the root's guid is the message guid,
 * the record its JSON form, the transfer block names the sender (customs receipts carry none).
 */
public final class CebForms {
  private static final CebMessageWriter WRITER = new CebMessageWriter();

  private CebForms() {}

  public static CebMessage message(Doc doc) {
    CebMessageType type = Routes.cebType(doc);
    if (type == null) throw new IllegalArgumentException(doc.type() + " has no CEB message");
    Transfer transfer =
        type.isReceipt()
            ? null
            : new Transfer(
                doc.sender(), Zone.nameOf(doc.sender()), "DXP", "DXPENT" + doc.sender(), null);
    return new CebMessage(type, doc.messageGuid(), "1.0", transfer, List.of(doc.record()));
  }

  /** The message's bytes in the document's encoding (UTF-8 or GBK). */
  public static byte[] xml(Doc doc) {
    return WRITER.write(message(doc), doc.format().charset());
  }
}
