package io.sanliu.model.ceb;

import static io.sanliu.model.ceb.CebSamples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Untrusted senders: entity tricks, oversized and malformed documents. */
class CebMessageReaderSecurityTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(5);
  private static final String PAYMENT =
      "<Payment><PaymentHead><orderNo>SO-1</orderNo></PaymentHead></Payment>";

  private final CebMessageReader reader = new CebMessageReader();

  private CebFormatException refused(String xml) {
    return assertTimeoutPreemptively(
        HANG_GUARD, () -> assertThrows(CebFormatException.class, () -> reader.read(utf8(xml))));
  }

  private static void assertMentions(CebFormatException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }
  }

  @Test
  void externalEntityToEtcPasswdIsRefusedAsDoctype() {
    String xxe =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE CEB411Message [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
            + "<CEB411Message><Payment><PaymentHead><payerName>&xxe;</payerName>"
            + "</PaymentHead></Payment></CEB411Message>";

    CebFormatException e = refused(xxe);

    assertEquals(
        "line 2: DOCTYPE not allowed (external entities and entity expansion are refused)",
        e.getMessage());
    assertFalse(e.getMessage().contains("root:"));
  }

  @Test
  void externalEntityToALocalFileNeverBringsItsContentBack(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-7f3a");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!-- innocent -->\n"
            + "<!DOCTYPE CEB411Message [<!ENTITY s SYSTEM \""
            + secret.toUri()
            + "\">]>\n<CEB411Message><Payment><PaymentHead><note>&s;</note></PaymentHead>"
            + "</Payment></CEB411Message>";

    CebFormatException e = refused(xxe);

    assertMentions(e, "line 3", "DOCTYPE not allowed");
    assertFalse(e.getMessage().contains("TOP-SECRET"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE CEB411Message SYSTEM \"URL/evil.dtd\">",
        "<!DOCTYPE CEB411Message PUBLIC \"-//X//Y\" \"URL/evil.dtd\">",
        "<!DOCTYPE CEB411Message [<!ENTITY % p SYSTEM \"URL/p.dtd\"> %p;]>",
        "<!DOCTYPE CEB411Message [<!ENTITY e SYSTEM \"URL/e.txt\">]>"
      })
  void externalDtdsAndEntitiesAreNeverFetched(String doctype) throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "<!ENTITY e \"pwned\">".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      String xml =
          "<?xml version=\"1.0\"?>\n"
              + doctype.replace("URL", url)
              + "\n<CEB411Message><Payment><PaymentHead><note>&amp;</note></PaymentHead>"
              + "</Payment></CEB411Message>";

      assertMentions(refused(xml), "DOCTYPE not allowed");
      assertEquals(0, requests.get(), "the reader contacted the sender's server");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void billionLaughsIsRefusedAtOnceWithoutExpanding() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) dtd.append("&lol").append(i == 1 ? "" : i - 1).append(';');
      dtd.append("\">\n");
    }
    dtd.append("]>\n");
    String bomb =
        "<?xml version=\"1.0\"?>\n"
            + dtd
            + "<CEB411Message><Payment><PaymentHead><note>&lol9;</note></PaymentHead></Payment>"
            + "</CEB411Message>";

    long start = System.nanoTime();
    CebFormatException e = refused(bomb);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertMentions(e, "line 2", "DOCTYPE not allowed");
    assertTrue(millis < 1000, "took " + millis + " ms");
  }

  @Test
  void doctypeAfterCommentsAndProcessingInstructionsIsStillRefused() {
    String xml =
        "<?xml version=\"1.0\"?>\n<?pi data?>\n<!-- <CEB411Message> -->\n"
            + "<!DOCTYPE CEB411Message>\n<CEB411Message>"
            + PAYMENT
            + "</CEB411Message>";

    assertMentions(refused(xml), "line 4", "DOCTYPE not allowed");
  }

  @Test
  void undeclaredEntityReferenceIsRefusedAsMalformed() {
    String xml =
        "<CEB411Message><Payment><PaymentHead>\n<note>&xxe;</note></PaymentHead></Payment>"
            + "</CEB411Message>";

    assertMentions(refused(xml), "line 2", "malformed XML", "xxe");
  }

  @Test
  void unclosedTagIsRefusedNamingTheLine() {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<CEB411Message>\n"
            + "  <Payment>\n"
            + "    <PaymentHead>\n"
            + "      <orderNo>SO-1\n"
            + "    </PaymentHead>\n"
            + "  </Payment>\n"
            + "</CEB411Message>\n";

    CebFormatException e = refused(xml);

    assertMentions(e, "line 6", "malformed XML", "orderNo");
    assertEquals(6, e.line());
  }

  @Test
  void truncatedDocumentIsRefused() {
    assertMentions(refused("<CEB411Message><Payment><PaymentHead><orderNo>1</or"), "malformed XML");
  }

  @Test
  void contentAfterTheRootIsRefused() {
    assertMentions(
        refused("<CEB411Message>" + PAYMENT + "</CEB411Message>\n<CEB411Message/>"),
        "line 2",
        "malformed XML");
  }

  @Test
  void moreRecordsThanTheLimitAreRefused() {
    CebMessageReader two = new CebMessageReader(2);
    String xml = "<CEB411Message>\n" + (PAYMENT + "\n").repeat(3) + "</CEB411Message>";

    CebFormatException e = assertThrows(CebFormatException.class, () -> two.read(utf8(xml)));

    assertMentions(e, "line 4", "more than 2 records (Payment) in CEB411Message");
    assertTrue(e.overLimit(), "refused for its size, not its content");
    CebFormatException malformed =
        assertThrows(CebFormatException.class, () -> two.read(utf8("<CEB411Message>")));
    assertFalse(malformed.overLimit());
  }

  @Test
  void defaultLimitAcceptsAThousandRecordsAndRefusesTheThousandAndFirst() {
    String thousand = "<CEB411Message>" + PAYMENT.repeat(1000) + "</CEB411Message>";
    String more = "<CEB411Message>" + PAYMENT.repeat(1001) + "</CEB411Message>";

    assertEquals(1000, reader.read(utf8(thousand)).records().size());
    assertMentions(refused(more), "more than 1000 records");
  }

  @Test
  void deeplyNestedElementsAreRefusedEvenWhereTheyWouldBeSkipped() {
    String deep = "<x:a xmlns:x=\"urn:x\">".repeat(10_000) + "</x:a>".repeat(10_000);
    String xml = "<CEB411Message>" + PAYMENT + deep + "</CEB411Message>";

    assertMentions(refused(xml), "elements nested deeper than 32 levels");
  }

  @Test
  void depthLimitIsConfigurable() {
    CebMessageReader shallow = new CebMessageReader(10, 4, 1000);
    String envelope =
        "<Message><MessageBody><CEB411Message>"
            + PAYMENT
            + "</CEB411Message></MessageBody></Message>";

    assertEquals(
        1, shallow.read(utf8("<CEB411Message>" + PAYMENT + "</CEB411Message>")).records().size());
    assertThrows(CebFormatException.class, () -> shallow.read(utf8(envelope)));
  }

  @Test
  void documentsLargerThanTheLimitAreRefusedBeforeParsing() throws Exception {
    CebMessageReader small = new CebMessageReader(10, 32, 100);
    byte[] big =
        utf8("<CEB411Message>" + PAYMENT + "<!--" + "x".repeat(200) + "--></CEB411Message>");

    assertMentions(
        assertThrows(CebFormatException.class, () -> small.read(big)),
        "larger than the limit of 100");
    assertMentions(
        assertThrows(CebFormatException.class, () -> small.read(new ByteArrayInputStream(big))),
        "larger than the limit of 100");
  }

  @Test
  void limitsBelowWhatACebMessageNeedsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new CebMessageReader(0));
    assertThrows(IllegalArgumentException.class, () -> new CebMessageReader(10, 3, 1000));
  }
}
