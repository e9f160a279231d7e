package io.sanliu.model.ceb;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.ceb.CebMessage.Transfer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One CEB document being read: walks the StAX events with the limits of its {@link
 * CebMessageReader} (element depth, records per message) and builds the {@link CebMessage}. Not
 * thread-safe: one per document.
 */
final class CebDocumentParser {
  static final String MESSAGE_HEAD = "MessageHead";
  static final String BASE_TRANSFER = "BaseTransfer";
  static final String ENVELOPE = "Message";
  static final String ENVELOPE_BODY = "MessageBody";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What a {@code MessageHead} says; every part may be null. */
  private record MessageHead(
      String messageId,
      String messageType,
      String copCode,
      String copName,
      String dxpMode,
      String dxpId,
      String note,
      String version,
      int line) {

    Transfer transfer() {
      if (copCode == null && copName == null && dxpMode == null && dxpId == null && note == null) {
        return null;
      }
      return new Transfer(copCode, copName, dxpMode, dxpId, note);
    }
  }

  /** The content of a CEB root element before the transfer and guid are settled. */
  private record Root(
      CebMessageType type,
      String guid,
      String version,
      Transfer baseTransfer,
      MessageHead messageHead,
      List<ObjectNode> records) {}

  /** The state of reading one document. */
  private final XMLStreamReader r;

  private final CebMessageType expected;
  private final int maxDepth;
  private final int maxRecords;
  private int depth;

  CebDocumentParser(XMLStreamReader r, CebMessageType expected, int maxDepth, int maxRecords) {
    this.r = r;
    this.expected = expected;
    this.maxDepth = maxDepth;
    this.maxRecords = maxRecords;
  }

  CebMessage document() throws XMLStreamException {
    int event;
    do {
      event = advance();
      if (event == XMLStreamConstants.END_DOCUMENT) throw fail("no root element");
    } while (event != XMLStreamConstants.START_ELEMENT);
    CebMessage message;
    if (r.getLocalName().equals(ENVELOPE) && cebNamespace(r.getNamespaceURI())) {
      message = envelope();
    } else {
      message = settle(root(typeOfRoot()), null);
    }
    while (r.hasNext()) advance(); // comments and processing instructions; the parser refuses more
    return message;
  }

  // ----------------------------------------------------------------- events

  private int advance() throws XMLStreamException {
    int event = r.next();
    switch (event) {
      case XMLStreamConstants.START_ELEMENT -> {
        if (++depth > maxDepth) {
          throw fail("elements nested deeper than " + maxDepth + " levels");
        }
      }
      case XMLStreamConstants.END_ELEMENT -> depth--;
      case XMLStreamConstants.DTD -> throw fail(CebMessageReader.DOCTYPE_REFUSED);
      case XMLStreamConstants.ENTITY_REFERENCE ->
          throw fail("entity reference &" + r.getLocalName() + "; not allowed");
      default -> {
        // text, comments, processing instructions: the callers decide
      }
    }
    return event;
  }

  /**
   * The next START_ELEMENT or END_ELEMENT inside {@code where}; comments and whitespace are
   * skipped, other text is an error.
   */
  private int nextTag(String where) throws XMLStreamException {
    while (true) {
      int event = advance();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
          return event;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!r.getText().isBlank()) {
            throw fail(
                "text '"
                    + abbreviate(r.getText().strip())
                    + "' directly in "
                    + where
                    + (where.equals(ENVELOPE_BODY)
                        ? "; only an inline CEB message is supported, not an encrypted or"
                            + " encoded body"
                        : "; values belong in field elements"));
          }
        }
        case XMLStreamConstants.END_DOCUMENT -> throw fail("document ends inside " + where);
        default -> {
          // comment or processing instruction
        }
      }
    }
  }

  /** The text of the current field element, trimmed; child elements are an error. */
  private String text(String field, String where) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (true) {
      int event = advance();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(r.getText());
        case XMLStreamConstants.START_ELEMENT ->
            throw fail(
                "field "
                    + field
                    + " in "
                    + where
                    + " holds element "
                    + r.getLocalName()
                    + "; fields hold text only");
        case XMLStreamConstants.END_ELEMENT -> {
          return text.toString().strip();
        }
        case XMLStreamConstants.END_DOCUMENT -> throw fail("document ends inside " + field);
        default -> {
          // comment or processing instruction
        }
      }
    }
  }

  /** Skips the current element and everything in it (still bounded in depth). */
  private void skip() throws XMLStreamException {
    int outside = depth - 1;
    while (depth > outside) advance();
  }

  private CebFormatException fail(String reason) {
    return new CebFormatException(reason, line());
  }

  private int line() {
    Location at = r.getLocation();
    return at == null ? -1 : at.getLineNumber();
  }

  private void requireCebNamespace(String where) {
    String ns = r.getNamespaceURI();
    if (!cebNamespace(ns)) {
      throw fail(
          "element "
              + r.getLocalName()
              + " in "
              + where
              + " is in namespace "
              + ns
              + ", not in "
              + CebMessage.NAMESPACE);
    }
  }

  // ----------------------------------------------------------------- structure

  private CebMessageType typeOfRoot() {
    String name = r.getLocalName();
    String ns = r.getNamespaceURI();
    if (!cebNamespace(ns)) {
      throw fail(
          "root "
              + name
              + " is in namespace "
              + ns
              + "; expected "
              + CebMessage.NAMESPACE
              + " (or no namespace)");
    }
    CebMessageType type = CebMessageType.fromRootElement(name).orElse(null);
    if (expected != null && type != expected) {
      throw fail("expected " + expected.rootElement() + " root, found " + name);
    }
    if (type == null) {
      if (name.matches("CEB\\d+Message")) {
        throw fail(
            "unknown message type "
                + name
                + "; accepted: "
                + CebMessageType.acceptedRootElements());
      }
      throw fail(
          "expected a CEB message root ("
              + CebMessageType.acceptedRootElements()
              + "), found "
              + name);
    }
    return type;
  }

  /** {@code <Message><MessageHead/><MessageBody><CEB...Message/></MessageBody></Message>}. */
  private CebMessage envelope() throws XMLStreamException {
    MessageHead head = null;
    Root root = null;
    int line = line();
    while (nextTag(ENVELOPE) == XMLStreamConstants.START_ELEMENT) {
      String name = r.getLocalName();
      if (!cebNamespace(r.getNamespaceURI())) {
        skip();
      } else if (name.equals(MESSAGE_HEAD)) {
        if (head != null) throw fail("MessageHead appears twice in Message");
        head = messageHead();
      } else if (name.equals(ENVELOPE_BODY)) {
        if (root != null) throw fail("MessageBody appears twice in Message");
        root = body();
      } else {
        throw fail("unexpected element " + name + " in Message; expected MessageHead, MessageBody");
      }
    }
    if (root == null) throw new CebFormatException("Message has no MessageBody", line);
    return settle(root, head);
  }

  private Root body() throws XMLStreamException {
    Root root = null;
    int line = line();
    while (nextTag(ENVELOPE_BODY) == XMLStreamConstants.START_ELEMENT) {
      if (root != null) throw fail("MessageBody holds more than one message");
      root = root(typeOfRoot());
    }
    if (root == null) throw new CebFormatException("MessageBody holds no CEB message", line);
    return root;
  }

  /** The current CEB root element, e.g. CEB311Message. */
  private Root root(CebMessageType type) throws XMLStreamException {
    String where = type.rootElement();
    String guid = emptyToNull(r.getAttributeValue(null, "guid"));
    String version = emptyToNull(r.getAttributeValue(null, "version"));
    int line = line();
    List<ObjectNode> records = new ArrayList<>();
    Transfer transfer = null;
    MessageHead head = null;
    while (nextTag(where) == XMLStreamConstants.START_ELEMENT) {
      String name = r.getLocalName();
      if (!cebNamespace(r.getNamespaceURI())) {
        skip(); // e.g. the ds:Signature of signed messages
      } else if (name.equals(type.recordElement())) {
        if (records.size() >= maxRecords) {
          throw CebFormatException.overLimit(
              "more than " + maxRecords + " records (" + type.recordElement() + ") in " + where,
              line());
        }
        records.add(record(type, records.size() + 1));
      } else if (name.equals(BASE_TRANSFER)) {
        Transfer t = baseTransfer();
        // The customs' own samples repeat an identical BaseTransfer: tolerated.
        if (transfer != null && !transfer.equals(t)) {
          throw fail("BaseTransfer appears twice with different content in " + where);
        }
        transfer = t;
      } else if (name.equals(MESSAGE_HEAD)) {
        if (head != null) throw fail("MessageHead appears twice in " + where);
        head = messageHead();
      } else if (name.equals("Signature")) {
        skip();
      } else {
        throw fail(
            "unexpected element "
                + name
                + " in "
                + where
                + "; expected "
                + type.recordElement()
                + ", BaseTransfer or MessageHead");
      }
    }
    if (records.isEmpty()) {
      throw new CebFormatException(where + " holds no " + type.recordElement() + " record", line);
    }
    return new Root(type, guid, version, transfer, head, records);
  }

  private CebMessage settle(Root root, MessageHead envelopeHead) {
    MessageHead head = root.messageHead() != null ? root.messageHead() : envelopeHead;
    String guid = root.guid();
    String version = root.version();
    Transfer transfer = root.baseTransfer();
    if (head != null) {
      checkMessageType(root.type(), head);
      if (guid == null) guid = head.messageId();
      if (version == null) version = head.version();
      if (transfer == null) transfer = head.transfer();
    }
    return new CebMessage(root.type(), guid, version, transfer, root.records());
  }

  private void checkMessageType(CebMessageType type, MessageHead head) {
    if (head.messageType() == null) return;
    String said = head.messageType().toUpperCase(Locale.ROOT);
    if (said.matches("CEB\\d{3}(MESSAGE)?") && !said.startsWith(type.name())) {
      throw new CebFormatException(
          "MessageHead says MessageType "
              + head.messageType()
              + " but the message is "
              + type.rootElement(),
          head.line());
    }
  }

  /** The current record element, the {@code n}th of its message. */
  private ObjectNode record(CebMessageType type, int n) throws XMLStreamException {
    String where = type.recordElement() + " #" + n;
    int line = line();
    ObjectNode record;
    if (type.hasHead()) {
      ObjectNode head = null;
      ArrayNode items = type.hasLines() ? NODES.arrayNode() : null;
      while (nextTag(where) == XMLStreamConstants.START_ELEMENT) {
        requireCebNamespace(where);
        String name = r.getLocalName();
        if (name.equals(type.headElement())) {
          if (head != null) throw fail(name + " appears twice in " + where);
          head = NODES.objectNode();
          fields(type, head, new HashSet<>(), name + " of " + where, true);
        } else if (type.hasLines() && name.equals(type.listElement())) {
          ObjectNode item = NODES.objectNode();
          fields(
              type,
              item,
              new HashSet<>(),
              name + " #" + (items.size() + 1) + " of " + where,
              false);
          items.add(item);
        } else {
          throw fail(
              "unexpected element "
                  + name
                  + " in "
                  + where
                  + "; expected "
                  + type.headElement()
                  + (type.hasLines() ? " or " + type.listElement() : ""));
        }
      }
      if (head == null) {
        throw new CebFormatException(type.headElement() + " missing in " + where, line);
      }
      if (items != null) head.set(CebMessageType.ITEMS, items);
      record = head;
    } else {
      record = NODES.objectNode();
      Set<String> seen = new HashSet<>();
      String alias = type.recordElement() + "Head"; // CEB505 as some senders nest it
      boolean aliasSeen = false;
      while (nextTag(where) == XMLStreamConstants.START_ELEMENT) {
        requireCebNamespace(where);
        if (type == CebMessageType.CEB505 && r.getLocalName().equals(alias)) {
          if (aliasSeen) throw fail(alias + " appears twice in " + where);
          aliasSeen = true;
          fields(type, record, seen, alias + " of " + where, true);
        } else {
          field(type, record, seen, where, true);
        }
      }
      if (type.isReceipt()) record.put(CebMessageType.KIND, type.receiptKind().name());
    }
    if (type.directionField() != null && !record.has(type.directionField())) {
      record.put(type.directionField(), type.defaultDirection().name());
    }
    return record;
  }

  /** The field elements of the current element into {@code into}. */
  private void fields(
      CebMessageType type, ObjectNode into, Set<String> seen, String where, boolean head)
      throws XMLStreamException {
    while (nextTag(where) == XMLStreamConstants.START_ELEMENT) {
      requireCebNamespace(where);
      field(type, into, seen, where, head);
    }
  }

  /** The current field element into {@code into}; empty ones are left out. */
  private void field(
      CebMessageType type, ObjectNode into, Set<String> seen, String where, boolean head)
      throws XMLStreamException {
    String name = r.getLocalName();
    if ((head && type.hasLines() && name.equals(CebMessageType.ITEMS))
        || (head && type.isReceipt() && name.equals(CebMessageType.KIND))) {
      throw fail(
          "element "
              + name
              + " in "
              + where
              + " clashes with the JSON form's own field '"
              + name
              + "'");
    }
    if (!seen.add(name)) throw fail("duplicated field " + name + " in " + where);
    String value = text(name, where);
    if (!value.isEmpty()) into.put(name, value);
  }

  private Transfer baseTransfer() throws XMLStreamException {
    Map<String, String> v = namedTexts(BASE_TRANSFER);
    return new Transfer(
        v.get("copcode"), v.get("copname"), v.get("dxpmode"), v.get("dxpid"), v.get("note"));
  }

  /**
   * A {@code MessageHead}. Child names are matched ignoring case: MessageId; MessageType; SenderId,
   * SenderCode, Sender or CopCode (the sender's code); SenderName or CopName; DxpMode; DxpId or
   * SenderDxpId; Note; Version. Others (ReceiverId, SendTime, FunctionCode...) are ignored.
   */
  private MessageHead messageHead() throws XMLStreamException {
    int line = line();
    Map<String, String> v = namedTexts(MESSAGE_HEAD);
    return new MessageHead(
        v.get("messageid"),
        v.get("messagetype"),
        first(v, "senderid", "sendercode", "sender", "copcode"),
        first(v, "sendername", "copname"),
        v.get("dxpmode"),
        first(v, "dxpid", "senderdxpid"),
        v.get("note"),
        v.get("version"),
        line);
  }

  /** The texts of the children of the current element by lower-case local name. */
  private Map<String, String> namedTexts(String where) throws XMLStreamException {
    Map<String, String> values = new HashMap<>();
    Set<String> seen = new HashSet<>();
    while (nextTag(where) == XMLStreamConstants.START_ELEMENT) {
      if (!cebNamespace(r.getNamespaceURI())) {
        skip();
        continue;
      }
      String name = r.getLocalName();
      String key = name.toLowerCase(Locale.ROOT);
      if (!seen.add(key)) throw fail("duplicated field " + name + " in " + where);
      String value = emptyToNull(text(name, where));
      if (value != null) values.put(key, value);
    }
    return values;
  }

  private static boolean cebNamespace(String ns) {
    return ns == null || ns.isEmpty() || CebMessage.NAMESPACE.equals(ns);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String first(Map<String, String> values, String... keys) {
    for (String k : keys) {
      if (values.get(k) != null) return values.get(k);
    }
    return null;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
