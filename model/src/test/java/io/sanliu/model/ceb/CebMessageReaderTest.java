package io.sanliu.model.ceb;

import static io.sanliu.model.ceb.CebSamples.bytes;
import static io.sanliu.model.ceb.CebSamples.text;
import static io.sanliu.model.ceb.CebSamples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.ceb.CebMessage.Transfer;
import io.sanliu.model.events.EventType;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CebMessageReaderTest {
  private static final Charset GBK = Charset.forName("GBK");
  private final CebMessageReader reader = new CebMessageReader();

  private CebMessage read(String sample) {
    return reader.read(bytes(sample));
  }

  private CebFormatException refused(String xml) {
    return assertThrows(CebFormatException.class, () -> reader.read(utf8(xml)));
  }

  private static void assertMentions(CebFormatException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }
  }

  private static String minimalOrder(String rootOpen, String rootClose, String prefix) {
    return rootOpen
        + "<"
        + prefix
        + "Order><"
        + prefix
        + "OrderHead><"
        + prefix
        + "orderNo>SO-1</"
        + prefix
        + "orderNo></"
        + prefix
        + "OrderHead><"
        + prefix
        + "OrderList><"
        + prefix
        + "gnum>1</"
        + prefix
        + "gnum></"
        + prefix
        + "OrderList></"
        + prefix
        + "Order>"
        + rootClose;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  // ------------------------------------------------------------------ orders

  @Test
  void importOrderMessageWithTwoOrdersAndBaseTransferIsReadFieldByField() {
    CebMessage m = read(CebSamples.CEB311_TWO_ORDERS);

    assertEquals(CebMessageType.CEB311, m.type());
    assertEquals(EventType.ORDER, m.eventType());
    assertEquals("0E4A4B2C-7D51-4C2B-9F1E-3A5D6C7B8E91", m.guid());
    assertEquals("1.0", m.version());
    assertEquals(
        new Transfer("4403960001", "深圳前海跨境购电子商务有限公司", "DXP", "DXPENT0000012345", null),
        m.transfer());
    assertEquals(2, m.records().size());

    ObjectNode first = m.records().get(0);
    assertEquals("5B1C2D3E-4F50-4A61-8B72-9C83D4E5F601", first.get("guid").textValue());
    assertEquals("1", first.get("appType").textValue());
    assertEquals("20261122083000", first.get("appTime").textValue());
    assertEquals("2", first.get("appStatus").textValue());
    assertEquals("I", first.get("orderType").textValue());
    assertEquals("SO202611220001", first.get("orderNo").textValue());
    assertEquals("4403960001", first.get("ebpCode").textValue());
    assertEquals("深圳前海跨境购电子商务有限公司", first.get("ebpName").textValue());
    assertEquals("199.80", first.get("goodsValue").textValue());
    assertEquals("0", first.get("discount").textValue());
    assertEquals("228.89", first.get("acturalPaid").textValue());
    assertEquals("142", first.get("currency").textValue());
    assertEquals("王喆", first.get("buyerName").textValue());
    assertEquals("440301199001011234", first.get("buyerIdNumber").textValue());
    assertEquals("PAY202611220001", first.get("payTransactionId").textValue());
    assertEquals("广东省深圳市南山区粤海街道科技园路1号", first.get("consigneeAddress").textValue());
    assertEquals("请尽快发货", first.get("note").textValue());
    assertFalse(first.has("batchNumbers"), "empty elements are left out");
    assertEquals(1, first.get("items").size());

    JsonNode milk = first.get("items").get(0);
    assertEquals("1", milk.get("gnum").textValue());
    assertEquals("明治婴幼儿配方奶粉 1段 800克", milk.get("itemName").textValue());
    assertEquals("800g/罐", milk.get("gmodel").textValue());
    assertEquals("2", milk.get("qty").textValue());
    assertEquals("99.90", milk.get("price").textValue(), "amounts stay text, trailing zero kept");
    assertEquals("199.80", milk.get("totalPrice").textValue());
    assertEquals("116", milk.get("country").textValue());
    assertFalse(milk.has("note"));

    ObjectNode second = m.records().get(1);
    assertEquals("SO202611220002", second.get("orderNo").textValue());
    assertEquals("李晓燕", second.get("buyerName").textValue());
    assertEquals("北京市朝阳区建国路88号 SOHO现代城A座1203室", second.get("consigneeAddress").textValue());
    assertEquals(2, second.get("items").size());
    assertEquals("“M&N”面膜 10片装", second.get("items").get(1).get("itemName").textValue());
    assertEquals("133", second.get("items").get(1).get("country").textValue());
  }

  @Test
  void everyValueIsATextNodeAndFieldsKeepTheDocumentOrderWithItemsLast() {
    ObjectNode order = read(CebSamples.CEB311_TWO_ORDERS).records().get(1);

    List<String> names = fieldNames(order);
    assertEquals(
        List.of("guid", "appType", "appTime", "appStatus", "orderType", "orderNo", "ebpCode"),
        names.subList(0, 7));
    assertEquals("items", names.get(names.size() - 1));
    order
        .fields()
        .forEachRemaining(
            e -> assertTrue(e.getKey().equals("items") || e.getValue().isTextual(), e.getKey()));
    order
        .get("items")
        .forEach(item -> item.elements().forEachRemaining(v -> assertTrue(v.isTextual())));
  }

  @Test
  void theSameMessageEncodedInGbkReadsIdentically() {
    byte[] gbk = bytes(CebSamples.CEB311_TWO_ORDERS_GBK);
    assertTrue(indexOf(gbk, "王喆".getBytes(GBK)) > 0, "the sample really holds GBK bytes");
    assertTrue(indexOf(gbk, "王喆".getBytes(StandardCharsets.UTF_8)) < 0);

    assertEquals(read(CebSamples.CEB311_TWO_ORDERS), reader.read(gbk));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GB2312", "gb2312", "GBK", "GB18030", "EUC-CN", "CP936"})
  void chineseEncodingsAreHonouredAndGb2312IsReadAsGbkSoNamesBeyondGb2312Survive(String declared) {
    // 喆 and 镕 are GBK characters outside GB2312: senders declaring GB2312 use them anyway.
    String xml =
        "<?xml version=\"1.0\" encoding=\""
            + declared
            + "\"?>\n<CEB311Message>"
            + "<Order><OrderHead><buyerName>王喆</buyerName><note>朱镕</note></OrderHead></Order>"
            + "</CEB311Message>";
    Charset bytes = declared.equals("GB18030") ? Charset.forName("GB18030") : GBK;

    ObjectNode order = reader.read(xml.getBytes(bytes)).records().get(0);

    assertEquals("王喆", order.get("buyerName").textValue());
    assertEquals("朱镕", order.get("note").textValue());
  }

  @Test
  void exportOrderInUsdIsReadWithItsDirection() {
    CebMessage m = read(CebSamples.CEB303_EXPORT_USD);

    assertEquals(CebMessageType.CEB303, m.type());
    assertEquals(EventType.ORDER, m.eventType());
    ObjectNode order = m.records().get(0);
    assertEquals("E", order.get("orderType").textValue());
    assertEquals("EX-US-20261122-017", order.get("orderNo").textValue());
    assertEquals("广州南沙智造家居用品有限公司", order.get("ebcName").textValue());
    assertEquals("89.97", order.get("goodsValue").textValue());
    assertEquals("12.50", order.get("freight").textValue());
    assertEquals("502", order.get("currency").textValue());
    assertEquals("9610 出口", order.get("note").textValue());
    JsonNode lamp = order.get("items").get(0);
    assertEquals("LED护眼台灯", lamp.get("itemName").textValue());
    assertEquals("USB充电 三档调光", lamp.get("itemDescribe").textValue());
    assertEquals("502", lamp.get("currency").textValue());
    assertEquals("3", lamp.get("qty").textValue());
    assertEquals("29.99", lamp.get("price").textValue());
    assertEquals("DXPENT0000067890", m.transfer().dxpId());
  }

  @Test
  void ordersWithoutOrderTypeGetTheDirectionOfTheirMessage() {
    String body = "<Order><OrderHead><orderNo>SO-1</orderNo></OrderHead></Order>";

    ObjectNode imported =
        reader.read(utf8("<CEB311Message>" + body + "</CEB311Message>")).records().get(0);
    ObjectNode exported =
        reader.read(utf8("<CEB303Message>" + body + "</CEB303Message>")).records().get(0);

    assertEquals("I", imported.get("orderType").textValue());
    assertEquals("E", exported.get("orderType").textValue());
    assertEquals(0, imported.get("items").size(), "items is always there for orders");
  }

  @Test
  void anOrderTypeInTheDocumentIsKeptEvenIfItContradictsTheMessage() {
    ObjectNode order =
        reader
            .read(
                utf8(
                    "<CEB311Message><Order><OrderHead><orderType>E</orderType></OrderHead>"
                        + "</Order></CEB311Message>"))
            .records()
            .get(0);

    assertEquals("E", order.get("orderType").textValue(), "validation decides, not the reader");
  }

  @Test
  void messageHeadVariantGivesGuidVersionAndSender() {
    CebMessage m = read(CebSamples.CEB311_MESSAGE_HEAD);

    assertEquals(CebMessageType.CEB311, m.type());
    assertEquals("MSG-20261122-000731", m.guid(), "MessageId stands in for the missing guid");
    assertEquals("1.0", m.version());
    assertEquals(new Transfer("3301960007", "杭州综试区云仓电子商务有限公司", null, null, null), m.transfer());
    ObjectNode order = m.records().get(0);
    assertEquals("HZ-SO-88001", order.get("orderNo").textValue());
    assertEquals("陈静", order.get("buyerName").textValue());
    assertEquals("I", order.get("orderType").textValue());
    assertEquals("澳洲维生素C咀嚼片 60粒", order.get("items").get(0).get("itemName").textValue());
  }

  @Test
  void rootGuidWinsOverMessageIdAndBaseTransferOverMessageHead() {
    String xml =
        "<CEB411Message guid=\"ROOT-GUID\"><MessageHead><MessageId>MSG-1</MessageId>"
            + "<SenderId>1111111111</SenderId></MessageHead>"
            + "<Payment><PaymentHead><orderNo>SO-1</orderNo></PaymentHead></Payment>"
            + "<BaseTransfer><copCode>2222222222</copCode></BaseTransfer></CEB411Message>";

    CebMessage m = reader.read(utf8(xml));

    assertEquals("ROOT-GUID", m.guid());
    assertEquals("2222222222", m.transfer().copCode());
  }

  @Test
  void messageHeadChildNamesAreMatchedIgnoringCase() {
    String xml =
        "<CEB411Message><MessageHead><messageID>M-9</messageID><SENDERCODE>3333333333</SENDERCODE>"
            + "<copName>某支付公司</copName><DxpId>DXP-9</DxpId><FunctionCode>1</FunctionCode>"
            + "</MessageHead>"
            + "<Payment><PaymentHead><orderNo>SO-1</orderNo></PaymentHead></Payment>"
            + "</CEB411Message>";

    CebMessage m = reader.read(utf8(xml));

    assertEquals("M-9", m.guid());
    assertEquals(new Transfer("3333333333", "某支付公司", null, "DXP-9", null), m.transfer());
  }

  @Test
  void messageHeadNamingAnotherMessageTypeIsRefused() {
    String xml =
        "<CEB311Message>\n<MessageHead><MessageType>CEB411Message</MessageType></MessageHead>\n"
            + "<Order><OrderHead><orderNo>SO-1</orderNo></OrderHead></Order></CEB311Message>";

    CebFormatException e = refused(xml);

    assertMentions(e, "line 2", "MessageType CEB411Message", "CEB311Message");
  }

  @Test
  void envelopeWithMessageHeadAndAnInlineBodyIsRead() {
    String inner = text(CebSamples.CEB411_PAYMENT).replaceFirst("<\\?xml[^>]*\\?>", "");
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Message>\n  <MessageHead>"
            + "<MessageId>ENV-1</MessageId><MessageType>CEB411</MessageType>"
            + "<SenderID>4403960003</SenderID><ReceiverID>EPORT</ReceiverID></MessageHead>\n"
            + "  <MessageBody>"
            + inner
            + "</MessageBody>\n</Message>";

    CebMessage m = reader.read(utf8(xml));

    assertEquals(
        read(CebSamples.CEB411_PAYMENT), m, "the inner message's own guid and transfer win");
  }

  @Test
  void envelopeWithAnEncodedBodyIsRefusedSayingInlineXmlIsNeeded() {
    String xml =
        "<Message><MessageHead><MessageId>ENV-1</MessageId></MessageHead>"
            + "<MessageBody>PENFQjMxMU1lc3NhZ2U+</MessageBody></Message>";

    assertMentions(refused(xml), "MessageBody", "inline CEB message");
  }

  // ------------------------------------------------------------------ payments and waybills

  @Test
  void paymentSlipIsReadFromItsHeadWithoutItems() {
    CebMessage m = read(CebSamples.CEB411_PAYMENT);

    assertEquals(CebMessageType.CEB411, m.type());
    assertEquals(EventType.PAYMENT, m.eventType());
    ObjectNode payment = m.records().get(0);
    assertEquals("4403960003", payment.get("payCode").textValue());
    assertEquals("PAY202611220001", payment.get("payTransactionId").textValue());
    assertEquals("SO202611220001", payment.get("orderNo").textValue());
    assertEquals("1", payment.get("payerIdType").textValue());
    assertEquals("440301199001011234", payment.get("payerIdNumber").textValue());
    assertEquals("王喆", payment.get("payerName").textValue());
    assertEquals("13800138000", payment.get("telephone").textValue());
    assertEquals("228.89", payment.get("amountPaid").textValue());
    assertEquals("20261122083045", payment.get("payTime").textValue());
    assertFalse(payment.has("items"));
    assertFalse(payment.has("note"));
    assertEquals("支付单", m.transfer().note());
  }

  @Test
  void importWaybillIsReadFromItsHeadAndMarkedImport() {
    CebMessage m = read(CebSamples.CEB511_WAYBILL);

    assertEquals(EventType.WAYBILL, m.eventType());
    ObjectNode waybill = m.records().get(0);
    assertEquals("4403980004", waybill.get("logisticsCode").textValue());
    assertEquals("深圳顺达国际物流有限公司", waybill.get("logisticsName").textValue());
    assertEquals("SF1234567890123", waybill.get("logisticsNo").textValue());
    assertEquals("784-12345675", waybill.get("billNo").textValue());
    assertEquals("SO202611220001", waybill.get("orderNo").textValue());
    assertEquals("1.85", waybill.get("weight").textValue());
    assertEquals("奶粉", waybill.get("goodsInfo").textValue());
    assertEquals("王喆", waybill.get("consignee").textValue());
    assertEquals("I", waybill.get("ieFlag").textValue());
    assertFalse(waybill.has("items"));
  }

  @Test
  void exportWaybillIsAFlatLogisticsRecordMarkedExport() {
    CebMessage m = read(CebSamples.CEB505_EXPORT_WAYBILL);

    assertEquals(CebMessageType.CEB505, m.type());
    assertEquals(EventType.WAYBILL, m.eventType());
    ObjectNode waybill = m.records().get(0);
    assertEquals("18293A4B-5C6D-4E7F-9081-92A3B4C5D6E7", waybill.get("guid").textValue());
    assertEquals("GZX2026112200017", waybill.get("logisticsNo").textValue());
    assertEquals("广州环球速递供应链有限公司", waybill.get("logisticsName").textValue());
    assertEquals("502", waybill.get("currency").textValue());
    assertEquals("2.40", waybill.get("grossWeight").textValue());
    assertEquals("020-84981234", waybill.get("ebcTelephone").textValue());
    assertEquals("E", waybill.get("ieFlag").textValue());
  }

  @Test
  void exportWaybillNestedInALogisticsHeadIsAcceptedToo() {
    String nested =
        text(CebSamples.CEB505_EXPORT_WAYBILL)
            .replace("<ceb:Logistics>", "<ceb:Logistics><ceb:LogisticsHead>")
            .replace("</ceb:Logistics>", "</ceb:LogisticsHead></ceb:Logistics>");

    assertEquals(read(CebSamples.CEB505_EXPORT_WAYBILL), reader.read(utf8(nested)));
  }

  // ------------------------------------------------------------------ lists

  @Test
  void importListWithTwoItemsKeepsItsIeFlag() {
    CebMessage m = read(CebSamples.CEB621_TWO_ITEMS);

    assertEquals(CebMessageType.CEB621, m.type());
    assertEquals(EventType.CUSTOMS_LIST, m.eventType());
    ObjectNode list = m.records().get(0);
    assertEquals("I", list.get("ieFlag").textValue());
    assertEquals("SO202611220002", list.get("orderNo").textValue());
    assertEquals("SF1234567890456", list.get("logisticsNo").textValue());
    assertEquals("QH-INV-20261122-0002", list.get("copNo").textValue());
    assertEquals("1210", list.get("tradeMode").textValue());
    assertEquals("5349", list.get("customsCode").textValue());
    assertEquals("110105198512120021", list.get("buyerIdNumber").textValue());
    assertEquals("深圳前海保税仓储有限公司", list.get("areaName").textValue());
    assertEquals("0.62", list.get("netWeight").textValue());
    assertFalse(list.has("preNo"));
    assertFalse(list.has("invtNo"));
    assertEquals(2, list.get("items").size());
    JsonNode toner = list.get("items").get(0);
    assertEquals("QH-GOODS-000311", toner.get("itemRecordNo").textValue());
    assertEquals("3304990099", toner.get("gcode").textValue());
    assertEquals("雪花秀滋阴水", toner.get("gname").textValue());
    assertEquals("4|3|水、丁二醇、甘油|150ml/瓶|雪花秀", toner.get("gmodel").textValue());
    assertEquals("0.15", toner.get("qty1").textValue());
    assertEquals("035", toner.get("unit1").textValue());
    JsonNode masks = list.get("items").get(1);
    assertEquals("2", masks.get("gnum").textValue());
    assertEquals("4|3|水、透明质酸钠|25ml*10片|M&N", masks.get("gmodel").textValue());
    assertEquals("88.00", masks.get("totalPrice").textValue());
  }

  @Test
  void exportListIsReadWithItsOwnHeadFields() {
    ObjectNode list = read(CebSamples.CEB603_EXPORT_LIST).records().get(0);

    assertEquals("E", list.get("ieFlag").textValue());
    assertEquals("A", list.get("statisticsFlag").textValue());
    assertEquals("502", list.get("POD").textValue());
    assertEquals("502", list.get("fCurrency").textValue());
    assertEquals("9610", list.get("tradeMode").textValue());
    assertEquals("广州南沙智造家居用品有限公司", list.get("ownerName").textValue());
    JsonNode lamp = list.get("items").get(0);
    assertEquals("9405210000", lamp.get("gcode").textValue());
    assertFalse(lamp.has("itemRecordNo"));
  }

  @Test
  void listsWithoutIeFlagAreNotGivenOne() {
    String xml =
        "<CEB621Message><Inventory><InventoryHead><copNo>C-1</copNo></InventoryHead>"
            + "</Inventory></CEB621Message>";

    assertFalse(reader.read(utf8(xml)).records().get(0).has("ieFlag"));
  }

  // ------------------------------------------------------------------ receipts

  @Test
  void orderReceiptIsAFlatRecordOfKindOrder() {
    CebMessage m = read(CebSamples.CEB312_ORDER_RECEIPT);

    assertEquals(CebMessageType.CEB312, m.type());
    assertEquals(EventType.CUSTOMS_RECEIPT, m.eventType());
    assertNull(m.transfer());
    ObjectNode receipt = m.records().get(0);
    assertEquals("ORDER", receipt.get("kind").textValue());
    assertEquals("4403960001", receipt.get("ebpCode").textValue());
    assertEquals("SO202611220001", receipt.get("orderNo").textValue());
    assertEquals("120", receipt.get("returnStatus").textValue());
    assertEquals("20261122083205", receipt.get("returnTime").textValue());
    assertEquals(
        "订单入库成功[5B1C2D3E-4F50-4A61-8B72-9C83D4E5F601]", receipt.get("returnInfo").textValue());
  }

  @Test
  void paymentReceiptReturnedByCustomsIsOfKindPayment() {
    ObjectNode receipt = read(CebSamples.CEB412_PAYMENT_RECEIPT).records().get(0);

    assertEquals("PAYMENT", receipt.get("kind").textValue());
    assertEquals("4403960003", receipt.get("payCode").textValue());
    assertEquals("PAY202611220001", receipt.get("payTransactionId").textValue());
    assertEquals("100", receipt.get("returnStatus").textValue());
    assertEquals("退单：支付人证件号码与订单订购人不一致", receipt.get("returnInfo").textValue());
  }

  @Test
  void waybillReceiptKeepsTheMillisecondReturnTimeCustomsWritesAsIs() {
    ObjectNode receipt = read(CebSamples.CEB512_WAYBILL_RECEIPT).records().get(0);

    assertEquals("WAYBILL", receipt.get("kind").textValue());
    assertEquals("4403980004", receipt.get("logisticsCode").textValue());
    assertEquals("SF1234567890123", receipt.get("logisticsNo").textValue());
    assertEquals("20261122093110000", receipt.get("returnTime").textValue());
    assertEquals("运单入库成功", receipt.get("returnInfo").textValue());
  }

  @Test
  void listReceiptsCarryReleasedAndReturnedStatuses() {
    CebMessage m = read(CebSamples.CEB622_LIST_RECEIPTS);

    assertEquals(CebMessageType.CEB622, m.type());
    assertEquals(2, m.records().size());
    ObjectNode released = m.records().get(0);
    assertEquals("CUSTOMS_LIST", released.get("kind").textValue());
    assertEquals("800", released.get("returnStatus").textValue());
    assertEquals("放行", released.get("returnInfo").textValue());
    assertEquals("53492026I000004711", released.get("invtNo").textValue());
    assertEquals("QH-INV-20261122-0002", released.get("copNo").textValue());
    ObjectNode returned = m.records().get(1);
    assertEquals("100", returned.get("returnStatus").textValue());
    assertEquals("退单：超过个人年度交易限值", returned.get("returnInfo").textValue());
    assertFalse(returned.has("invtNo"));
  }

  // ------------------------------------------------------------------ namespaces and lexical

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ceb: xmlns:ceb=\"http://www.chinaport.gov.cn/ceb\"",
        "x: xmlns:x=\"http://www.chinaport.gov.cn/ceb\"",
        " xmlns=\"http://www.chinaport.gov.cn/ceb\"",
        " "
      })
  void cebNamespaceWithAnyPrefixDefaultNamespaceAndNoNamespaceAllReadTheSame(String binding) {
    String prefix = binding.substring(0, binding.indexOf(' '));
    String declaration = binding.substring(binding.indexOf(' '));
    String xml =
        minimalOrder(
            "<" + prefix + "CEB311Message" + declaration + ">",
            "</" + prefix + "CEB311Message>",
            prefix);

    ObjectNode order = reader.read(utf8(xml)).records().get(0);

    assertEquals("SO-1", order.get("orderNo").textValue());
    assertEquals("1", order.get("items").get(0).get("gnum").textValue());
  }

  @Test
  void rootInAnotherNamespaceIsRefused() {
    String xml = minimalOrder("<CEB311Message xmlns=\"urn:other\">", "</CEB311Message>", "");

    assertMentions(refused(xml), "line 1", "urn:other", CebMessage.NAMESPACE);
  }

  @Test
  void valuesAreTrimmedEntitiesDecodedCdataReadAndCommentsIgnored() {
    String xml =
        "<CEB311Message><Order><OrderHead>\n"
            + "  <ebpName>\n    A&amp;B &lt;跨境&gt; &#x4E2D;&#22269;\n  </ebpName>\n"
            + "  <note><![CDATA[x < y && z]]></note>\n"
            + "  <buyerName>张<!-- a comment -->三</buyerName>\n"
            + "  <consignee>\u3000李四\u3000</consignee>\n"
            + "  <discount>   </discount>\n"
            + "</OrderHead></Order></CEB311Message>";

    ObjectNode order = reader.read(utf8(xml)).records().get(0);

    assertEquals("A&B <跨境> 中国", order.get("ebpName").textValue());
    assertEquals("x < y && z", order.get("note").textValue());
    assertEquals("张三", order.get("buyerName").textValue());
    assertEquals("李四", order.get("consignee").textValue(), "full-width spaces trimmed too");
    assertFalse(order.has("discount"), "blank is empty");
  }

  @Test
  void signaturesAndOtherForeignElementsBesideTheRecordsAreSkipped() {
    String signed =
        text(CebSamples.CEB411_PAYMENT)
            .replace(
                "</ceb:CEB411Message>",
                "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
                    + "<ds:Reference URI=\"\"/></ds:SignedInfo><ds:SignatureValue>AI0w"
                    + "</ds:SignatureValue></ds:Signature></ceb:CEB411Message>");

    assertEquals(read(CebSamples.CEB411_PAYMENT), reader.read(utf8(signed)));
  }

  @Test
  void aRepeatedIdenticalBaseTransferIsToleratedAsInTheCustomsSamples() {
    String xml = text(CebSamples.CEB303_EXPORT_USD);
    int from = xml.indexOf("<ceb:BaseTransfer>");
    int to = xml.indexOf("</ceb:BaseTransfer>") + "</ceb:BaseTransfer>".length();
    String twice = xml.substring(0, to) + xml.substring(from, to) + xml.substring(to);

    assertEquals(read(CebSamples.CEB303_EXPORT_USD), reader.read(utf8(twice)));
  }

  @Test
  void twoDifferentBaseTransfersAreRefused() {
    String xml =
        "<CEB411Message><Payment><PaymentHead><orderNo>1</orderNo></PaymentHead></Payment>"
            + "<BaseTransfer><copCode>A</copCode></BaseTransfer>\n"
            + "<BaseTransfer><copCode>B</copCode></BaseTransfer></CEB411Message>";

    assertMentions(refused(xml), "line 2", "BaseTransfer appears twice");
  }

  @Test
  void unknownHeadElementsAreKeptAsFieldsForForwardCompatibility() {
    String xml =
        "<CEB311Message><Order><OrderHead><orderNo>SO-1</orderNo>"
            + "<newFieldOf2027>x</newFieldOf2027></OrderHead>"
            + "<OrderList><gnum>1</gnum><futureItemField>y</futureItemField></OrderList>"
            + "</Order></CEB311Message>";

    ObjectNode order = reader.read(utf8(xml)).records().get(0);

    assertEquals("x", order.get("newFieldOf2027").textValue());
    assertEquals("y", order.get("items").get(0).get("futureItemField").textValue());
  }

  @Test
  void readingFromAStreamGivesTheSameMessage() throws Exception {
    CebMessage fromStream =
        reader.read(new ByteArrayInputStream(bytes(CebSamples.CEB621_TWO_ITEMS)));

    assertEquals(read(CebSamples.CEB621_TWO_ITEMS), fromStream);
  }

  @Test
  void utf8ByteOrderMarkIsAccepted() {
    byte[] plain = bytes(CebSamples.CEB411_PAYMENT);
    byte[] withBom = new byte[plain.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, withBom, 3, plain.length);

    assertEquals(reader.read(plain), reader.read(withBom));
  }

  // ------------------------------------------------------------------ refusals

  @Test
  void headMissingInTheSecondOrderIsRefusedNamingTheOrderAndLine() {
    String xml =
        "<CEB311Message>\n"
            + "<Order><OrderHead><orderNo>1</orderNo></OrderHead></Order>\n"
            + "<Order>\n<OrderList><gnum>1</gnum></OrderList></Order>\n"
            + "</CEB311Message>";

    CebFormatException e = refused(xml);

    assertMentions(e, "line 3", "OrderHead missing in Order #2");
    assertEquals(3, e.line());
  }

  @Test
  void duplicatedHeadFieldIsRefused() {
    String xml =
        "<CEB311Message><Order><OrderHead>\n<orderNo>1</orderNo>\n<orderNo>2</orderNo>"
            + "</OrderHead></Order></CEB311Message>";

    assertMentions(refused(xml), "line 3", "duplicated field orderNo in OrderHead of Order #1");
  }

  @Test
  void duplicatedFieldIsRefusedEvenWhenTheFirstIsEmpty() {
    String xml =
        "<CEB411Message><Payment><PaymentHead><note/><note>x</note>"
            + "</PaymentHead></Payment></CEB411Message>";

    assertMentions(refused(xml), "duplicated field note");
  }

  @Test
  void unexpectedElementInARecordIsRefusedNamingWhatIsExpected() {
    String xml =
        "<CEB311Message><Order><OrderHead><orderNo>1</orderNo></OrderHead>"
            + "<Payment/></Order></CEB311Message>";

    assertMentions(
        refused(xml), "unexpected element Payment in Order #1", "expected OrderHead or OrderList");
  }

  @Test
  void unexpectedElementInTheRootIsRefused() {
    String xml =
        "<CEB411Message><Payment><PaymentHead><orderNo>1</orderNo></PaymentHead></Payment>"
            + "<Order/></CEB411Message>";

    assertMentions(refused(xml), "unexpected element Order in CEB411Message", "expected Payment");
  }

  @Test
  void fieldHoldingAnElementIsRefused() {
    String xml =
        "<CEB411Message><Payment><PaymentHead><payerName><first>王</first></payerName>"
            + "</PaymentHead></Payment></CEB411Message>";

    assertMentions(refused(xml), "field payerName", "holds element first", "text only");
  }

  @Test
  void textBetweenFieldsIsRefused() {
    String xml =
        "<CEB411Message><Payment><PaymentHead>stray<orderNo>1</orderNo>"
            + "</PaymentHead></Payment></CEB411Message>";

    assertMentions(refused(xml), "text 'stray' directly in PaymentHead of Payment #1");
  }

  @Test
  void headElementNamedItemsWouldClashWithTheJsonFormAndIsRefused() {
    String xml =
        "<CEB311Message><Order><OrderHead><items>3</items></OrderHead></Order></CEB311Message>";

    assertMentions(refused(xml), "element items in OrderHead of Order #1", "clashes");
  }

  @Test
  void receiptElementNamedKindWouldClashWithTheJsonFormAndIsRefused() {
    String xml = "<CEB622Message><InventoryReturn><kind>x</kind></InventoryReturn></CEB622Message>";

    assertMentions(refused(xml), "element kind in InventoryReturn #1", "clashes");
  }

  @Test
  void messageWithoutRecordsIsRefused() {
    String xml =
        "<CEB411Message>\n<BaseTransfer><copCode>1</copCode></BaseTransfer>\n</CEB411Message>";

    assertMentions(refused(xml), "line 1", "CEB411Message holds no Payment record");
  }

  @Test
  void wrongRootIsRefusedListingTheAcceptedTypes() {
    CebFormatException e = refused("<?xml version=\"1.0\"?>\n\n<Foo><bar/></Foo>");

    assertMentions(e, "line 3", "found Foo", CebMessageType.acceptedRootElements());
  }

  @Test
  void unknownMessageTypeIsRefusedListingTheAcceptedTypes() {
    CebFormatException e = refused("<CEB999Message guid=\"x\"/>");

    assertMentions(
        e,
        "unknown message type CEB999Message; accepted: CEB311Message, CEB303Message, CEB411Message,"
            + " CEB511Message, CEB505Message, CEB621Message, CEB603Message, CEB312Message,"
            + " CEB412Message, CEB512Message, CEB622Message");
  }

  @Test
  void readingForAnExpectedTypeRefusesAnotherType() {
    CebFormatException e =
        assertThrows(
            CebFormatException.class,
            () -> reader.read(bytes(CebSamples.CEB411_PAYMENT), CebMessageType.CEB311));

    assertMentions(e, "line 2", "expected CEB311Message root, found CEB411Message");
  }

  @Test
  void readingForAnExpectedTypeAcceptsThatType() {
    assertEquals(
        CebMessageType.CEB411,
        reader.read(bytes(CebSamples.CEB411_PAYMENT), CebMessageType.CEB411).type());
  }

  @Test
  void bytesInvalidInTheDeclaredEncodingAreRefusedNamingLineAndEncoding() {
    byte[] gbkDeclaredUtf8 =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CEB411Message>\n<Payment><PaymentHead>"
                + "<payerName>王喆</payerName></PaymentHead></Payment></CEB411Message>")
            .getBytes(GBK);

    CebFormatException e =
        assertThrows(CebFormatException.class, () -> reader.read(gbkDeclaredUtf8));

    assertMentions(e, "line 3", "not valid UTF-8", "declared UTF-8");
  }

  @Test
  void unsupportedEncodingIsRefusedNamingTheAcceptedOnes() {
    byte[] big5 =
        "<?xml version=\"1.0\" encoding=\"Big5\"?><CEB411Message/>"
            .getBytes(StandardCharsets.US_ASCII);

    CebFormatException e = assertThrows(CebFormatException.class, () -> reader.read(big5));

    assertMentions(e, "encoding 'Big5' is not supported", "UTF-8", "GBK", "GB18030");
  }

  @Test
  void byteOrderMarkContradictingTheDeclarationIsRefused() {
    byte[] plain =
        "<?xml version=\"1.0\" encoding=\"GBK\"?><CEB411Message/>".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[plain.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, withBom, 3, plain.length);

    CebFormatException e = assertThrows(CebFormatException.class, () -> reader.read(withBom));

    assertMentions(e, "byte order mark says UTF-8", "says GBK");
  }

  @Test
  void emptyDocumentIsRefused() {
    assertMentions(
        assertThrows(CebFormatException.class, () -> reader.read(new byte[0])), "empty document");
  }

  @Test
  void jsonSentToTheXmlReaderIsRefusedAsMalformed() {
    assertMentions(refused("{\"orderNo\":\"SO-1\"}"), "line 1", "malformed XML");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }
}
