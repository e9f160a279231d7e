package io.sanliu.model.ceb;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an XML document into text, honouring the byte order mark or the encoding of
 * the XML declaration, strictly: bytes that are not valid in that encoding are an error naming the
 * line, never silently replaced. GB2312 is read as GBK, its superset, because senders declaring
 * GB2312 routinely use GBK characters (e.g. 喆, 镕 in names).
 */
final class XmlDecoding {
  static final Charset GBK = Charset.forName("GBK");
  static final Charset GB18030 = Charset.forName("GB18030");
  static final String ACCEPTED =
      "UTF-8, GBK, GB2312 (read as GBK), GB18030, UTF-16 (with byte order mark), US-ASCII,"
          + " ISO-8859-1";

  private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*([\"'])([^\"']*)\\1");
  private static final int DECLARATION_SCAN = 512;

  private XmlDecoding() {}

  /**
   * The text of the document.
   *
   * @throws CebFormatException for an unsupported encoding or bytes invalid in it
   */
  static String decode(byte[] bytes) {
    Charset bom = null;
    int skip = 0;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      bom = StandardCharsets.UTF_8;
      skip = 3;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      bom = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      bom = StandardCharsets.UTF_16LE;
      skip = 2;
    }
    if (bom != null) {
      String text = decode(bytes, skip, bom, "byte order mark");
      String declared = declaredEncoding(text);
      if (declared != null && !compatible(bom, declared)) {
        throw new CebFormatException(
            "the byte order mark says " + bom.name() + " but the XML declaration says " + declared,
            1);
      }
      return text;
    }
    String head =
        new String(bytes, 0, Math.min(bytes.length, DECLARATION_SCAN), StandardCharsets.ISO_8859_1);
    String declared = declaredEncoding(head);
    Charset charset = declared == null ? StandardCharsets.UTF_8 : charsetOf(declared);
    return decode(bytes, 0, charset, declared == null ? "default UTF-8" : "declared " + declared);
  }

  /** The encoding named in the XML declaration at the start of {@code text}, or null. */
  private static String declaredEncoding(String text) {
    if (!text.startsWith("<?xml")) return null;
    int end = text.indexOf("?>");
    if (end < 0 || end > DECLARATION_SCAN) return null; // the parser reports the broken declaration
    Matcher m = ENCODING.matcher(text.substring(0, end));
    return m.find() ? m.group(2).trim() : null;
  }

  private static boolean compatible(Charset bom, String declared) {
    String d = declared.toUpperCase(Locale.ROOT);
    if (bom == StandardCharsets.UTF_8) return d.equals("UTF-8") || d.equals("UTF8");
    return d.startsWith("UTF-16") || d.equals("UTF16");
  }

  private static Charset charsetOf(String declared) {
    return switch (declared.toUpperCase(Locale.ROOT)) {
      case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
      case "GBK",
          "GB2312",
          "GB_2312-80",
          "CSGB2312",
          "EUC-CN",
          "X-EUC-CN",
          "CP936",
          "MS936",
          "WINDOWS-936",
          "X-GBK" ->
          GBK;
      case "GB18030", "GB18030-2022" -> GB18030;
      case "US-ASCII", "ASCII" -> StandardCharsets.US_ASCII;
      case "ISO-8859-1", "ISO8859-1", "LATIN1" -> StandardCharsets.ISO_8859_1;
      case "UTF-16", "UTF-16BE", "UTF-16LE", "UTF16" ->
          throw new CebFormatException(
              "the XML declaration says " + declared + " but the document has no byte order mark",
              1);
      default ->
          throw new CebFormatException(
              "encoding '" + declared + "' is not supported; accepted: " + ACCEPTED, 1);
    };
  }

  private static String decode(byte[] bytes, int offset, Charset charset, String why) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out =
        CharBuffer.allocate(
            (int) ((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 16);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) result = decoder.flush(out);
    if (result.isError()) {
      int at = in.position();
      StringBuilder shown = new StringBuilder();
      for (int i = at; i < Math.min(bytes.length, at + Math.max(result.length(), 1)); i++) {
        shown.append(String.format(" 0x%02X", bytes[i] & 0xFF));
      }
      throw new CebFormatException(
          "byte"
              + (result.length() > 1 ? "s" : "")
              + shown
              + " at offset "
              + at
              + " "
              + (result.length() > 1 ? "are" : "is")
              + " not valid "
              + charset.name()
              + " ("
              + why
              + "); is the document saved in the encoding its XML declaration names?",
          lineAt(bytes, offset, at));
    }
    if (result.isOverflow()) {
      // cannot happen: the buffer holds maxCharsPerByte chars per byte
      throw new IllegalStateException("decoding overflow");
    }
    out.flip();
    return out.toString();
  }

  /** 1-based line of byte {@code at}, counting LF bytes (exact for ASCII-compatible encodings). */
  private static int lineAt(byte[] bytes, int from, int at) {
    int line = 1;
    for (int i = from; i < at; i++) {
      if (bytes[i] == '\n') line++;
    }
    return line;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) return false;
    }
    return true;
  }

  /**
   * The offset of a DOCTYPE declaration in the prolog of {@code text} (before the root element,
   * after the XML declaration, comments and processing instructions), or -1 when there is none.
   */
  static int doctypeInProlog(String text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (text.startsWith("<?", i)) {
        int end = text.indexOf("?>", i + 2);
        if (end < 0) return -1;
        i = end + 2;
      } else if (text.startsWith("<!--", i)) {
        int end = text.indexOf("-->", i + 4);
        if (end < 0) return -1;
        i = end + 3;
      } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        return i;
      } else {
        return -1;
      }
    }
    return -1;
  }

  /** 1-based line of character {@code at} of {@code text}. */
  static int lineAt(String text, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') line++;
    }
    return line;
  }
}
