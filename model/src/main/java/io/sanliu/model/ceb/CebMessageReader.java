package io.sanliu.model.ceb;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CEB XML messages ({@link CebMessageType}) into their JSON form ({@link CebMessage}).
 *
 * <p>Safe on untrusted input: a document with a DOCTYPE is refused before parsing (so no external
 * entity is ever resolved and no entity is ever expanded), and documents are bounded in size,
 * records and element depth. Text is decoded strictly in the encoding of the byte order mark or of
 * the XML declaration (UTF-8, GBK, GB2312 read as GBK, GB18030...). Elements are matched on local
 * names in the CEB namespace, the default namespace or no namespace. Every problem is a {@link
 * CebFormatException} naming the line.
 *
 * <p>Thread-safe: one reader may serve every request.
 */
public final class CebMessageReader {
  public static final int DEFAULT_MAX_RECORDS = 1000;
  public static final int DEFAULT_MAX_DEPTH = 32;
  public static final int DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

  static final String DOCTYPE_REFUSED =
      "DOCTYPE not allowed (external entities and entity expansion are refused)";

  private final int maxRecords;
  private final int maxDepth;
  private final int maxBytes;

  /** A reader with the default limits: 1000 records, depth 32, 16 MiB. */
  public CebMessageReader() {
    this(DEFAULT_MAX_RECORDS, DEFAULT_MAX_DEPTH, DEFAULT_MAX_BYTES);
  }

  /** A reader with the default limits but at most {@code maxRecords} records per message. */
  public CebMessageReader(int maxRecords) {
    this(maxRecords, DEFAULT_MAX_DEPTH, DEFAULT_MAX_BYTES);
  }

  /**
   * @param maxRecords most business records a message may hold
   * @param maxDepth deepest element nesting (the root is depth 1; CEB needs 4, 6 with an envelope)
   * @param maxBytes largest document
   */
  public CebMessageReader(int maxRecords, int maxDepth, int maxBytes) {
    if (maxRecords < 1 || maxDepth < 4 || maxBytes < 1) {
      throw new IllegalArgumentException(
          "limits too small: maxRecords >= 1, maxDepth >= 4, maxBytes >= 1");
    }
    this.maxRecords = maxRecords;
    this.maxDepth = maxDepth;
    this.maxBytes = maxBytes;
  }

  public int maxRecords() {
    return maxRecords;
  }

  public int maxDepth() {
    return maxDepth;
  }

  public int maxBytes() {
    return maxBytes;
  }

  /**
   * Reads one message of any accepted type.
   *
   * @throws CebFormatException naming the line of the problem
   */
  public CebMessage read(byte[] xml) {
    return read(xml, null);
  }

  /**
   * Reads one message that must be of type {@code expected}.
   *
   * @throws CebFormatException naming the line of the problem, e.g. "line 2: expected CEB311Message
   *     root, found CEB411Message"
   */
  public CebMessage read(byte[] xml, CebMessageType expected) {
    if (xml.length > maxBytes) {
      throw CebFormatException.overLimit(
          "document of " + xml.length + " bytes is larger than the limit of " + maxBytes, -1);
    }
    if (xml.length == 0) throw new CebFormatException("empty document", -1);
    String text = XmlDecoding.decode(xml);
    int doctype = XmlDecoding.doctypeInProlog(text);
    if (doctype >= 0) {
      throw new CebFormatException(DOCTYPE_REFUSED, XmlDecoding.lineAt(text, doctype));
    }
    XMLStreamReader r;
    try {
      r = factory().createXMLStreamReader(new StringReader(text));
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
    try {
      return new CebDocumentParser(r, expected, maxDepth, maxRecords).document();
    } catch (XMLStreamException e) {
      throw malformed(e);
    } finally {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // nothing held: the input is a string
      }
    }
  }

  /**
   * Reads one message from a stream (at most {@link #maxBytes()} bytes; the stream is not closed).
   *
   * @throws CebFormatException naming the line of the problem
   */
  public CebMessage read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
    if (bytes.length > maxBytes) {
      throw CebFormatException.overLimit(
          "document larger than the limit of " + maxBytes + " bytes", -1);
    }
    return read(bytes);
  }

  private static XMLInputFactory factory() {
    // The JDK's own implementation, whatever else is on the class path; one per document since
    // factories are not guaranteed thread-safe.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return f;
  }

  private static CebFormatException malformed(XMLStreamException e) {
    Location at = e.getLocation();
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int cut = message.indexOf("Message: ");
    if (cut >= 0) message = message.substring(cut + "Message: ".length());
    int line = at == null ? -1 : at.getLineNumber();
    String column =
        at == null || at.getColumnNumber() < 1 ? "" : " (column " + at.getColumnNumber() + ")";
    return new CebFormatException("malformed XML" + column + ": " + message.strip(), line, e);
  }
}
