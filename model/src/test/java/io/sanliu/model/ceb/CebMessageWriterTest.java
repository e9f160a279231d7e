package io.sanliu.model.ceb;

import static io.sanliu.model.ceb.CebSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.ceb.CebMessage.Transfer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CebMessageWriterTest {
  private static final Charset GBK = Charset.forName("GBK");
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final CebMessageReader reader = new CebMessageReader();
  private final CebMessageWriter writer = new CebMessageWriter();

  static Stream<Arguments> samplesAndEncodings() {
    return Stream.of(CebSamples.ALL)
        .flatMap(
            sample ->
                Stream.of(StandardCharsets.UTF_8, GBK, GB18030, StandardCharsets.UTF_16)
                    .map(cs -> Arguments.of(sample, cs.name())));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("samplesAndEncodings")
  void everySampleSurvivesWriteThenRead(String sample, String encoding) {
    CebMessage original = reader.read(bytes(sample));

    byte[] written = writer.write(original, Charset.forName(encoding));

    assertEquals(original, reader.read(written));
  }

  private String written(CebMessage m, Charset cs) {
    return new String(writer.write(m, cs), cs);
  }

  @Test
  void documentHasTheDeclarationCebPrefixRootAttributesRecordsAndBaseTransfer() {
    CebMessage m = reader.read(bytes(CebSamples.CEB311_TWO_ORDERS));

    String xml = written(m, StandardCharsets.UTF_8);

    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), xml);
    assertTrue(
        xml.contains(
            "<ceb:CEB311Message guid=\"0E4A4B2C-7D51-4C2B-9F1E-3A5D6C7B8E91\" version=\"1.0\""
                + " xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\">"),
        xml);
    assertEquals(2, count(xml, "<ceb:Order>"));
    assertEquals(2, count(xml, "<ceb:OrderHead>"));
    assertEquals(3, count(xml, "<ceb:OrderList>"));
    assertTrue(xml.contains("<ceb:buyerName>王喆</ceb:buyerName>"));
    assertTrue(xml.contains("<ceb:itemName>“M&amp;N”面膜 10片装</ceb:itemName>"));
    assertTrue(xml.contains("<ceb:orderType>I</ceb:orderType>"), "orderType is a real element");
    assertFalse(xml.contains("items"));
    assertTrue(xml.indexOf("</ceb:OrderHead>") < xml.indexOf("<ceb:OrderList>"));
    assertTrue(
        xml.contains(
            "<ceb:BaseTransfer>\n    <ceb:copCode>4403960001</ceb:copCode>\n"
                + "    <ceb:copName>深圳前海跨境购电子商务有限公司</ceb:copName>\n"
                + "    <ceb:dxpMode>DXP</ceb:dxpMode>\n"
                + "    <ceb:dxpId>DXPENT0000012345</ceb:dxpId>\n  </ceb:BaseTransfer>"),
        xml);
    assertTrue(xml.endsWith("</ceb:CEB311Message>\n"));
  }

  @Test
  void headFieldsAreWrittenInTheOrderOfTheJsonObject() {
    ObjectNode payment = NODES.objectNode();
    payment.put("payTime", "20261122083045");
    payment.put("guid", "G-1");
    payment.put("amountPaid", "1.00");
    CebMessage m = new CebMessage(CebMessageType.CEB411, "M-1", "1.0", null, List.of(payment));

    String xml = written(m, StandardCharsets.UTF_8);

    assertTrue(xml.indexOf("<ceb:payTime>") < xml.indexOf("<ceb:guid>"));
    assertTrue(xml.indexOf("<ceb:guid>") < xml.indexOf("<ceb:amountPaid>"));
  }

  @Test
  void gbkDocumentDeclaresGbkAndHoldsGbkBytes() {
    CebMessage m = reader.read(bytes(CebSamples.CEB311_TWO_ORDERS));

    byte[] gbk = writer.write(m, GBK);

    String head = new String(gbk, 0, 40, StandardCharsets.US_ASCII);
    assertTrue(head.startsWith("<?xml version=\"1.0\" encoding=\"GBK\"?>"), head);
    assertTrue(new String(gbk, GBK).contains("王喆"));
    assertFalse(new String(gbk, StandardCharsets.UTF_8).contains("王喆"));
  }

  @Test
  void receiptsDoNotWriteTheirKindAndExportWaybillsStayFlatWithoutIeFlag() {
    String receipt =
        written(reader.read(bytes(CebSamples.CEB622_LIST_RECEIPTS)), StandardCharsets.UTF_8);
    String waybill =
        written(reader.read(bytes(CebSamples.CEB505_EXPORT_WAYBILL)), StandardCharsets.UTF_8);

    assertFalse(receipt.contains("kind"), receipt);
    assertTrue(receipt.contains("<ceb:InventoryReturn>\n    <ceb:guid>"), receipt);
    assertFalse(waybill.contains("ieFlag"), waybill);
    assertFalse(waybill.contains("LogisticsHead"), waybill);
    assertTrue(waybill.contains("<ceb:Logistics>\n    <ceb:guid>"), waybill);
  }

  @Test
  void waybillIeFlagAgainstItsMessageTypeIsWrittenSoNothingIsLost() {
    ObjectNode head = NODES.objectNode();
    head.put("logisticsNo", "L-1");
    head.put("ieFlag", "E");
    CebMessage m = new CebMessage(CebMessageType.CEB511, null, null, null, List.of(head));

    String xml = written(m, StandardCharsets.UTF_8);

    assertTrue(xml.contains("<ceb:ieFlag>E</ceb:ieFlag>"));
    assertEquals(m, reader.read(writer.write(m, StandardCharsets.UTF_8)));
  }

  @Test
  void charactersTheEncodingLacksBecomeCharacterReferencesAndReadBackIntact() {
    ObjectNode payment = NODES.objectNode();
    payment.put("payerName", "王喆😀");
    payment.put("note", "Ünïcödé ₩");
    CebMessage m = new CebMessage(CebMessageType.CEB411, "G", "1.0", null, List.of(payment));

    byte[] gbk = writer.write(m, GBK);

    assertTrue(new String(gbk, GBK).contains("王喆&#x1F600;"));
    assertEquals(m, reader.read(gbk));
    assertEquals(m, reader.read(writer.write(m, StandardCharsets.US_ASCII)));
  }

  @Test
  void markupCharactersQuotesAndLineBreaksSurviveTheRoundTrip() {
    ObjectNode payment = NODES.objectNode();
    payment.put("note", "a < b && c > d \"q\" 'q'\r\nsecond line\tend");
    CebMessage m =
        new CebMessage(
            CebMessageType.CEB411,
            "G\"&<1>",
            "1.0",
            new Transfer("A&B", null, "DXP", null, "<x>"),
            List.of(payment));

    assertEquals(m, reader.read(writer.write(m, StandardCharsets.UTF_8)));
  }

  @Test
  void emptyAndNullFieldsAreLeftOut() {
    ObjectNode payment = NODES.objectNode();
    payment.put("orderNo", "SO-1");
    payment.put("note", "");
    payment.putNull("payerName");
    CebMessage m = new CebMessage(CebMessageType.CEB411, null, null, null, List.of(payment));

    String xml = written(m, StandardCharsets.UTF_8);

    assertFalse(xml.contains("note"));
    assertFalse(xml.contains("payerName"));
    assertFalse(xml.contains("guid="), "no attribute for a null guid");
  }

  @Test
  void messageBuiltByHandAsTheSimulatorDoesRoundTrips() {
    ObjectNode order = NODES.objectNode();
    order.put("guid", "G-1");
    order.put("appType", "1");
    order.put("appTime", "20261122083000");
    order.put("orderType", "I");
    order.put("orderNo", "SO-1");
    order.put("ebpCode", "4403960001");
    order.put("goodsValue", "99.90");
    order.put("currency", "142");
    order.put("buyerIdNumber", "440301199001011234");
    ObjectNode item = order.putArray("items").addObject();
    item.put("gnum", "1");
    item.put("itemName", "奶粉");
    item.put("qty", "1");
    item.put("price", "99.90");
    item.put("totalPrice", "99.90");
    CebMessage m =
        new CebMessage(
            CebMessageType.CEB311,
            "M-1",
            "1.0",
            new Transfer("4403960001", "测试平台", "DXP", "DXP-1", null),
            List.of(order));

    for (Charset cs : List.of(StandardCharsets.UTF_8, GBK)) {
      assertEquals(m, reader.read(writer.write(m, cs)), cs.name());
    }
  }

  @Test
  void numbersAreWrittenAsTheirText() {
    ObjectNode payment = NODES.objectNode();
    payment.put("amountPaid", new java.math.BigDecimal("228.90"));
    CebMessage m = new CebMessage(CebMessageType.CEB411, null, null, null, List.of(payment));

    assertTrue(
        written(m, StandardCharsets.UTF_8).contains("<ceb:amountPaid>228.90</ceb:amountPaid>"));
  }

  @Test
  void messageWithoutRecordsIsRefused() {
    CebMessage m = new CebMessage(CebMessageType.CEB411, "G", "1.0", null, List.of());

    assertThrows(IllegalArgumentException.class, () -> writer.write(m, StandardCharsets.UTF_8));
  }

  @Test
  void fieldsThatCannotBeCebElementsAreRefused() {
    ObjectNode nested = NODES.objectNode();
    nested.putObject("payer").put("name", "x");
    ObjectNode badName = NODES.objectNode();
    badName.put("1st field", "x");
    ObjectNode control = NODES.objectNode();
    control.put("note", "bell\u0007");
    ObjectNode items = NODES.objectNode();
    items.putArray("items").addObject().put("gnum", "1");

    for (ObjectNode record : List.of(nested, badName, control, items)) {
      CebMessage m = new CebMessage(CebMessageType.CEB411, null, null, null, List.of(record));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> writer.write(m, StandardCharsets.UTF_8));
      assertTrue(e.getMessage().contains("PaymentHead of Payment #1"), e.getMessage());
    }
  }

  @Test
  void receiptOfAnotherKindIsRefused() {
    ObjectNode receipt = NODES.objectNode();
    receipt.put("returnStatus", "800");
    receipt.put("kind", "PAYMENT");
    CebMessage m = new CebMessage(CebMessageType.CEB622, null, null, null, List.of(receipt));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> writer.write(m, StandardCharsets.UTF_8));

    assertTrue(e.getMessage().contains("kind PAYMENT"), e.getMessage());
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
    return n;
  }
}
