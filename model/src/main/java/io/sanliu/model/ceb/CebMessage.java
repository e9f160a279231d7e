package io.sanliu.model.ceb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.EventType;
import java.util.List;
import java.util.Objects;

/**
 * One CEB XML message in the platform's JSON form: its type, the root's {@code guid} and {@code
 * version} attributes, the transfer block and one JSON object per business record.
 *
 * <p>Each record has the CEB element names as field names and the element texts (trimmed) as text
 * values; empty elements are left out. The list lines are an array of such objects under {@code
 * "items"}; receipts carry {@code "kind"}. See {@code docs/ceb-messages.md}.
 *
 * @param type the message type
 * @param guid the root's {@code guid} (or, for the {@code MessageHead} variant without one, its
 *     {@code MessageId}); null when absent
 * @param version the root's {@code version}; null when absent
 * @param transfer the {@code BaseTransfer} block (or what a {@code MessageHead} tells of the
 *     sender); null when the message has none (receipts)
 * @param records the business records, at least one
 */
public record CebMessage(
    CebMessageType type, String guid, String version, Transfer transfer, List<ObjectNode> records) {

  /** The namespace of CEB messages. */
  public static final String NAMESPACE = "http://www.chinaport.gov.cn/ceb";

  public CebMessage {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(records, "records");
    records = List.copyOf(records);
  }

  /** The event each record becomes. */
  public EventType eventType() {
    return type.eventType();
  }

  /**
   * The sender and exchange channel of a message ({@code BaseTransfer}); every part may be null.
   *
   * @param copCode code of the declaring enterprise (传输企业代码)
   * @param copName its name
   * @param dxpMode exchange mode, {@code DXP} for the data exchange platform
   * @param dxpId the sender's id on the exchange platform
   * @param note remark
   */
  public record Transfer(
      String copCode, String copName, String dxpMode, String dxpId, String note) {}
}
