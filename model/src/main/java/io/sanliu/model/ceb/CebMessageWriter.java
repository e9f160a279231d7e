package io.sanliu.model.ceb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.ceb.CebMessage.Transfer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link CebMessage} as a CEB XML document in a given encoding: XML declaration naming the
 * encoding, {@code ceb} prefix bound to the CEB namespace, {@code guid} and {@code version} on the
 * root, one record element per JSON record (head fields in the order of the object's fields, then
 * the {@code items} as list elements), then the {@code BaseTransfer} block.
 *
 * <p>The receipts' {@code kind} is not written (the root element says it), nor is a waybill's
 * {@code ieFlag} equal to the direction of its message type; empty and null fields are left out.
 * Characters the encoding cannot represent (e.g. an emoji in GBK) are written as character
 * references, so nothing is lost. For any message in the reader's form, {@code
 * reader.read(writer.write(m, cs))} equals {@code m}.
 *
 * <p>Thread-safe.
 */
public final class CebMessageWriter {
  private static final String PREFIX = "ceb:";
  private static final String INDENT = "  ";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");

  /**
   * The document in {@code encoding}.
   *
   * @throws IllegalArgumentException when the message cannot be a CEB document: no records, a field
   *     that is an object or array (other than {@code items}), a name that is no XML name, a
   *     character XML cannot carry, a receipt whose {@code kind} is not its type's
   */
  public byte[] write(CebMessage message, Charset encoding) {
    if (!encoding.canEncode()) {
      throw new IllegalArgumentException(encoding.name() + " cannot encode");
    }
    if (message.records().isEmpty()) {
      throw new IllegalArgumentException("a CEB message holds at least one record");
    }
    Out out = new Out(encoding);
    CebMessageType type = message.type();
    out.raw("<?xml version=\"1.0\" encoding=\"").raw(encoding.name()).raw("\"?>\n");
    out.raw("<" + PREFIX + type.rootElement());
    if (message.guid() != null) out.raw(" guid=\"").attribute(message.guid()).raw("\"");
    if (message.version() != null) out.raw(" version=\"").attribute(message.version()).raw("\"");
    out.raw(" xmlns:ceb=\"" + CebMessage.NAMESPACE + "\">\n");
    int n = 0;
    for (ObjectNode record : message.records()) {
      n++;
      if (record == null) throw new IllegalArgumentException("record #" + n + " is null");
      record(out, type, record, type.recordElement() + " #" + n);
    }
    Transfer t = message.transfer();
    if (t != null) {
      out.open(1, "BaseTransfer");
      out.field(2, "copCode", t.copCode(), "BaseTransfer");
      out.field(2, "copName", t.copName(), "BaseTransfer");
      out.field(2, "dxpMode", t.dxpMode(), "BaseTransfer");
      out.field(2, "dxpId", t.dxpId(), "BaseTransfer");
      out.field(2, "note", t.note(), "BaseTransfer");
      out.close(1, "BaseTransfer");
    }
    out.raw("</" + PREFIX + type.rootElement() + ">\n");
    return out.bytes();
  }

  private static void record(Out out, CebMessageType type, ObjectNode record, String where) {
    out.open(1, type.recordElement());
    if (type.hasHead()) {
      out.open(2, type.headElement());
      fields(out, 3, type, record, type.headElement() + " of " + where, true);
      out.close(2, type.headElement());
      JsonNode items = record.get(CebMessageType.ITEMS);
      if (items != null && !items.isNull()) {
        if (!items.isArray()) {
          throw new IllegalArgumentException("items of " + where + " is not an array");
        }
        int i = 0;
        for (JsonNode item : items) {
          i++;
          String itemWhere = type.listElement() + " #" + i + " of " + where;
          if (!item.isObject()) throw new IllegalArgumentException(itemWhere + " is not an object");
          out.open(2, type.listElement());
          fields(out, 3, type, (ObjectNode) item, itemWhere, false);
          out.close(2, type.listElement());
        }
      }
    } else {
      fields(out, 2, type, record, where, true);
    }
    out.close(1, type.recordElement());
  }

  private static void fields(
      Out out, int level, CebMessageType type, ObjectNode object, String where, boolean top) {
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode value = e.getValue();
      if (top && name.equals(CebMessageType.ITEMS)) {
        if (!type.hasLines()) {
          throw new IllegalArgumentException(
              where + " has items but " + type.rootElement() + " records have no list lines");
        }
        continue;
      }
      if (top && type.isReceipt() && name.equals(CebMessageType.KIND)) {
        if (!value.asText().equals(type.receiptKind().name())) {
          throw new IllegalArgumentException(
              where
                  + " has kind "
                  + value.asText()
                  + " but "
                  + type.rootElement()
                  + " answers "
                  + type.receiptKind());
        }
        continue;
      }
      if (top
          && !type.directionFieldIsElement()
          && name.equals(type.directionField())
          && value.asText().equals(type.defaultDirection().name())) {
        continue; // a waybill's ieFlag: implied by the message type, not an element of it
      }
      if (value.isContainerNode()) {
        throw new IllegalArgumentException(
            "field "
                + name
                + " of "
                + where
                + " is an "
                + value.getNodeType()
                + "; CEB fields are text");
      }
      out.field(level, name, value.isNull() ? null : value.asText(), where);
    }
  }

  /** The document being written. */
  private static final class Out {
    private final StringBuilder sb = new StringBuilder(4096);
    private final Charset charset;
    private final CharsetEncoder encoder;
    private final boolean encodesAll;

    Out(Charset charset) {
      this.charset = charset;
      this.encoder = charset.newEncoder();
      String n = charset.name();
      this.encodesAll = n.startsWith("UTF-") || n.equals("GB18030");
    }

    Out raw(String s) {
      sb.append(s);
      return this;
    }

    Out attribute(String value) {
      escape(value, true, "the root's attributes");
      return this;
    }

    void open(int level, String name) {
      sb.append(INDENT.repeat(level)).append('<').append(PREFIX).append(name).append(">\n");
    }

    void close(int level, String name) {
      sb.append(INDENT.repeat(level)).append("</").append(PREFIX).append(name).append(">\n");
    }

    void field(int level, String name, String value, String where) {
      if (value == null || value.isEmpty()) return;
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "field name '" + name + "' of " + where + " is not an XML element name");
      }
      sb.append(INDENT.repeat(level)).append('<').append(PREFIX).append(name).append('>');
      escape(value, false, "field " + name + " of " + where);
      sb.append("</").append(PREFIX).append(name).append(">\n");
    }

    private void escape(String s, boolean attribute, String where) {
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        int len = Character.charCount(cp);
        switch (cp) {
          case '&' -> sb.append("&amp;");
          case '<' -> sb.append("&lt;");
          case '>' -> sb.append("&gt;");
          case '"' -> sb.append(attribute ? "&quot;" : "\"");
          case '\r' -> sb.append("&#13;"); // a literal CR would be normalised away
          case '\t' -> sb.append(attribute ? "&#9;" : "\t");
          case '\n' -> sb.append(attribute ? "&#10;" : "\n");
          default -> {
            if (!allowedInXml(cp)) {
              throw new IllegalArgumentException(
                  String.format("%s holds U+%04X, which XML 1.0 cannot carry", where, cp));
            }
            if (cp < 0x80 || encodesAll || encoder.canEncode(s.substring(i, i + len))) {
              sb.appendCodePoint(cp);
            } else {
              sb.append("&#x").append(Integer.toHexString(cp).toUpperCase()).append(';');
            }
          }
        }
        i += len;
      }
    }

    private static boolean allowedInXml(int cp) {
      return cp == 0x9
          || cp == 0xA
          || cp == 0xD
          || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD)
          || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    byte[] bytes() {
      return sb.toString().getBytes(charset);
    }
  }
}
