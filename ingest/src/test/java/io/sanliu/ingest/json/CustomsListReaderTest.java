package io.sanliu.ingest.json;

import static io.sanliu.ingest.json.ReaderTestSupport.HASHER;
import static io.sanliu.ingest.json.ReaderTestSupport.assertError;
import static io.sanliu.ingest.json.ReaderTestSupport.assertNoneInJson;
import static io.sanliu.ingest.json.ReaderTestSupport.object;
import static io.sanliu.ingest.json.ReaderTestSupport.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.TradeMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomsListReaderTest {
  private final CustomsListReader reader = new CustomsListReader(HASHER);

  /** A CEB621 import list as the XML codec turns it into JSON: every value as text. */
  static ObjectNode validList() {
    return object(
        """
        {"guid":"D1E2F3A4-B5C6-4D7E-8F90-A1B2C3D4E5F6","appType":"1","appTime":"20261122083000",
         "appStatus":"2","orderNo":"SO202611220830001","ebpCode":"4403169D3W",
         "ebcCode":"440396K00A","logisticsNo":"SF1400123456789","logisticsCode":"4403180003",
         "copNo":"COP20261122000001","invtNo":"53012026I000123456","ieFlag":"I",
         "declTime":"20261122","customsCode":"5301","portCode":"5349","ieDate":"20261123",
         "buyerIdType":"1","buyerIdNumber":"110105199003078765","buyerName":"张三丰",
         "buyerTelephone":"13812345678","consigneeAddress":"广东省深圳市南山区科技园路1号",
         "agentCode":"4403980AGT","areaCode":"4403","tradeMode":"9610","trafMode":"5",
         "country":"142","freight":"10.00","insuredFee":"0","currency":"142","packNo":"1",
         "grossWeight":"2.350","netWeight":"2.100",
         "items":[
           {"gnum":"1","itemRecordNo":"IR440300000001","itemNo":"SKU-0001",
            "itemName":"婴儿配方奶粉 900g","gcode":"1901101000","gname":"婴儿配方奶粉",
            "gmodel":"900g/罐|3段","country":"116","currency":"142","qty":"2","unit":"122",
            "qty1":"1.800","unit1":"035","price":"499.00","totalPrice":"998.00"},
           {"gnum":"2","itemRecordNo":"IR440300000002","itemNo":"SKU-0002","itemName":"面霜 50ml",
            "gcode":"3304990099","gname":"面霜","gmodel":"50ml/瓶","country":"133",
            "currency":"142","qty":"1","unit":"142","qty1":"0.050","unit1":"035",
            "price":"236.50","totalPrice":"236.50"}]}
        """);
  }

  @Test
  void readsAValidImportListFieldByField() {
    DocumentReader.Result<CustomsList> r = reader.read(validList());
    assertTrue(r.ok(), () -> r.errors().toString());
    CustomsList l = r.event();
    assertEquals("4403169D3W:SO202611220830001", r.key());
    assertEquals(AppType.NEW, l.appType());
    assertEquals(Instant.parse("2026-11-22T00:30:00Z"), l.appTime());
    assertEquals("SO202611220830001", l.orderNo());
    assertEquals("440396K00A", l.ebcCode());
    assertEquals("SF1400123456789", l.logisticsNo());
    assertEquals("4403180003", l.logisticsCode());
    assertNull(l.payNo());
    assertEquals("COP20261122000001", l.copNo());
    assertEquals("53012026I000123456", l.invtNo());
    assertEquals(Direction.I, l.direction());
    assertEquals(Instant.parse("2026-11-21T16:00:00Z"), l.declTime(), "start of day, China time");
    assertEquals(Instant.parse("2026-11-22T16:00:00Z"), l.ieDate());
    assertEquals("5301", l.customsCode());
    assertEquals("5349", l.portCode());
    assertEquals("1", l.buyerIdType());
    assertEquals("4403980AGT", l.agentCode());
    assertEquals(TradeMode.DIRECT_9610, l.tradeMode());
    assertEquals("5", l.trafMode());
    assertEquals("142", l.country());
    assertEquals(new BigDecimal("10.00"), l.freight());
    assertEquals("142", l.currency());
    assertEquals(1, l.packNo());
    assertEquals(new BigDecimal("2.350"), l.grossWeight());
    assertEquals(new BigDecimal("2.100"), l.netWeight());
    assertEquals(2, l.items().size());
  }

  @Test
  void readsEachItemWithItsHsCodeQuantitiesAndPrices() {
    CustomsListItem item = reader.read(validList()).event().items().get(1);
    assertEquals(2, item.gnum());
    assertEquals("IR440300000002", item.itemRecordNo());
    assertEquals("SKU-0002", item.itemNo());
    assertEquals("面霜 50ml", item.itemName());
    assertEquals("3304990099", item.gcode());
    assertEquals("33", item.hsChapter());
    assertEquals("面霜", item.gname());
    assertEquals("50ml/瓶", item.gmodel());
    assertEquals("133", item.country());
    assertEquals("142", item.currency());
    assertEquals(new BigDecimal("1"), item.qty());
    assertEquals("142", item.unit());
    assertEquals(new BigDecimal("0.050"), item.qty1());
    assertEquals("035", item.unit1());
    assertEquals(new BigDecimal("236.50"), item.price());
    assertEquals(new BigDecimal("236.50"), item.totalPrice());
  }

  @Test
  void theBuyerIsHashedAndMaskedNeverKeptInClear() throws Exception {
    CustomsList l = reader.read(validList()).event();
    assertNoneInJson(l, "110105199003078765", "张三丰", "13812345678", "科技园路1号");
    assertEquals("110***********8765", l.buyerId().masked());
    assertEquals("张**", l.buyerName().masked());
    assertEquals("138****5678", l.buyerTelephone().masked());
    assertEquals("广东省深圳市*********", l.consigneeAddress().masked());
  }

  @Test
  void noSingleParticipantMustBeTheSender() {
    assertNull(reader.participantCode(reader.read(validList()).event()));
  }

  @Test
  void declarationTimesAreReadInTheCebTimeFormsToo() {
    ObjectNode json = validList();
    json.put("declTime", "20261122101000");
    json.remove("ieDate");
    DocumentReader.Result<CustomsList> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals(Instant.parse("2026-11-22T02:10:00Z"), r.event().declTime());
    assertEquals(r.event().declTime(), r.event().eventTime());
  }

  @Test
  void anExportListWithoutBuyerAndWithUnknownCountriesIsRead() {
    ObjectNode json = validList();
    json.put("ieFlag", "E");
    json.put("tradeMode", "9710");
    json.put("country", "999");
    json.remove(List.of("buyerIdType", "buyerIdNumber", "buyerName", "buyerTelephone"));
    ((ObjectNode) json.withArray("items").get(0)).put("country", "888");
    DocumentReader.Result<CustomsList> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertNull(r.event().buyerId());
    assertEquals("999", r.event().country());
    assertEquals("888", r.event().items().get(0).country());
  }

  @Test
  void withoutGnumItemsAreNumberedByPosition() {
    ObjectNode json = validList();
    json.withArray("items").forEach(i -> ((ObjectNode) i).remove("gnum"));
    List<CustomsListItem> items = reader.read(json).event().items();
    assertEquals(List.of(1, 2), items.stream().map(CustomsListItem::gnum).toList());
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    ObjectNode json = validList();
    json.remove("ieFlag");
    json.put("tradeMode", "0110");
    json.put("declTime", "2026-11-22");
    json.put("buyerIdType", "passport");
    json.put("currency", "USD");
    ObjectNode first = (ObjectNode) json.withArray("items").get(0);
    first.put("qty", "-2");
    first.put("currency", "RMB");
    ObjectNode second = (ObjectNode) json.withArray("items").get(1);
    second.put("gcode", "33049900");
    second.remove("gname");
    DocumentReader.Result<CustomsList> r = reader.read(json);
    assertEquals(
        List.of(
            "ieFlag",
            "tradeMode",
            "declTime",
            "currency",
            "buyerIdType",
            "items[0].qty",
            "items[0].currency",
            "items[1].gcode",
            "items[1].gname"),
        paths(r));
    assertError(r, "tradeMode", "9610, 1210, 9710, 9810");
    assertError(r, "declTime", "yyyyMMdd");
    assertError(r, "items[1].gcode", "10-digit HS code");
    assertError(r, "items[1].gcode", "8 digits");
    assertError(r, "items[0].qty", "negative");
    assertError(r, "items[1].gname", "is required");
    assertEquals("4403169D3W:SO202611220830001", r.key());
  }

  @Test
  void anHsCodeWithSeparatorsIsRefused() {
    ObjectNode json = validList();
    ((ObjectNode) json.withArray("items").get(0)).put("gcode", "1901.10.1000");
    assertError(reader.read(json), "items[0].gcode", "digits only");
  }

  @Test
  void aListNeedsItsKeysAndAtLeastOneItem() {
    ObjectNode json = validList();
    json.remove(List.of("orderNo", "logisticsNo"));
    json.putArray("items");
    DocumentReader.Result<CustomsList> r = reader.read(json);
    assertEquals(List.of("orderNo", "logisticsNo", "items"), paths(r));
    assertError(r, "items", "at least one item");
    assertNull(r.key());
  }

  /** CEB603 as the export standard has it: no declTime, fCurrency and iCurrency, no buyer. */
  @Test
  void anExportListWithoutDeclTimeTakesItsCurrencyFromTheFreightCurrency() {
    ObjectNode json = validList();
    json.put("ieFlag", "E");
    json.remove(List.of("declTime", "currency", "buyerIdType", "buyerIdNumber", "buyerName"));
    json.put("fCurrency", "502");
    json.put("iCurrency", "502");
    DocumentReader.Result<CustomsList> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertNull(r.event().declTime());
    assertEquals(Instant.parse("2026-11-22T00:30:00Z"), r.event().eventTime());
    assertEquals("502", r.event().currency());

    json.put("iCurrency", "USD");
    assertError(reader.read(json), "iCurrency", "send its customs code 502");
  }

  @Test
  void anImportListNeedsItsDeclarationTime() {
    ObjectNode json = validList();
    json.remove("declTime");
    DocumentReader.Result<CustomsList> r = reader.read(json);
    assertEquals(List.of("declTime"), paths(r));
    assertError(r, "declTime", "is required");
  }
}
