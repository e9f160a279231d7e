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
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.Waybill;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaybillReaderTest {
  private final WaybillReader reader = new WaybillReader(HASHER);

  static ObjectNode validWaybill() {
    return object(
        """
        {"guid":"9A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9","appType":"1","appTime":"20261122083000",
         "appStatus":"2","ieFlag":"I","logisticsCode":"4403180003","logisticsName":"某国际物流有限公司",
         "logisticsNo":"SF1400123456789","billNo":"784-12345675","freight":"10.00",
         "insuredFee":"0.01","currency":"142","weight":"2.350","packNo":"1",
         "goodsInfo":"婴儿配方奶粉 900g*2; 面霜 50ml*1","consignee":"张三丰",
         "consigneeAddress":"广东省深圳市南山区科技园路1号","consigneeTelephone":"13812345678"}
        """);
  }

  @Test
  void readsAValidImportWaybillFieldByField() {
    DocumentReader.Result<Waybill> r = reader.read(validWaybill());
    assertTrue(r.ok(), () -> r.errors().toString());
    Waybill w = r.event();
    assertEquals("4403180003:SF1400123456789", r.key());
    assertEquals("9A1B2C3D-4E5F-4061-8293-A4B5C6D7E8F9", w.guid());
    assertEquals(AppType.NEW, w.appType());
    assertEquals(Instant.parse("2026-11-22T00:30:00Z"), w.appTime());
    assertEquals(Direction.I, w.direction());
    assertEquals("4403180003", w.logisticsCode());
    assertEquals("某国际物流有限公司", w.logisticsName());
    assertEquals("SF1400123456789", w.logisticsNo());
    assertEquals("784-12345675", w.billNo());
    assertNull(w.orderNo());
    assertNull(w.ebpCode());
    assertEquals(new BigDecimal("10.00"), w.freight());
    assertEquals(new BigDecimal("0.01"), w.insuredFee());
    assertEquals("142", w.currency());
    assertEquals(new BigDecimal("2.350"), w.weight());
    assertEquals(1, w.packNo());
    assertEquals("婴儿配方奶粉 900g*2; 面霜 50ml*1", w.goodsInfo());
  }

  @Test
  void theConsigneeIsHashedAndMaskedNeverKeptInClear() throws Exception {
    Waybill w = reader.read(validWaybill()).event();
    assertNoneInJson(w, "张三丰", "13812345678", "科技园路1号");
    assertEquals("张**", w.consignee().masked());
    assertEquals("138****5678", w.consigneeTelephone().masked());
    assertEquals("广东省深圳市*********", w.consigneeAddress().masked());
  }

  @Test
  void anExportWaybillInUsDollarsWithTheOrderKeysIsRead() {
    ObjectNode json = validWaybill();
    json.put("ieFlag", "e");
    json.put("currency", "502");
    json.put("orderNo", "SO1");
    json.put("ebpCode", "4403169D3W");
    json.put("packNo", 3);
    DocumentReader.Result<Waybill> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals(Direction.E, r.event().direction());
    assertEquals("502", r.event().currency());
    assertEquals("SO1", r.event().orderNo());
    assertEquals(3, r.event().packNo());
  }

  @Test
  void theLogisticsFirmMustBeTheSender() {
    assertEquals("4403180003", reader.participantCode(reader.read(validWaybill()).event()));
  }

  @Test
  void reportsEveryProblemWithItsFieldPath() {
    ObjectNode json = validWaybill();
    json.remove("logisticsNo");
    json.put("ieFlag", "X");
    json.put("weight", "-0.5");
    json.put("freight", "ten");
    json.put("packNo", "1.5");
    json.put("currency", "RMB");
    json.put("appTime", "20261131083000");
    DocumentReader.Result<Waybill> r = reader.read(json);
    assertEquals(
        List.of("logisticsNo", "appTime", "ieFlag", "weight", "freight", "currency", "packNo"),
        paths(r));
    assertError(r, "ieFlag", "I or E");
    assertError(r, "weight", "negative");
    assertError(r, "freight", "decimal number");
    assertError(r, "packNo", "whole number");
    assertError(r, "currency", "142 CNY");
    assertNull(r.key());
  }

  @Test
  void theDirectionAndWeightAreRequired() {
    ObjectNode json = validWaybill();
    json.remove("ieFlag");
    json.remove("weight");
    DocumentReader.Result<Waybill> r = reader.read(json);
    assertEquals(List.of("ieFlag", "weight"), paths(r));
    assertError(r, "ieFlag", "is required");
    assertError(r, "weight", "may send it as grossWeight");
  }

  /** CEB505 as the export standard has it: grossWeight, no weight. */
  @Test
  void anExportWaybillsGrossWeightIsItsWeight() {
    ObjectNode json = validWaybill();
    json.put("ieFlag", "E");
    json.remove("weight");
    json.put("grossWeight", "2.40");
    DocumentReader.Result<Waybill> r = reader.read(json);
    assertTrue(r.ok(), () -> r.errors().toString());
    assertEquals(new BigDecimal("2.40"), r.event().weight());

    json.put("grossWeight", "-2.40");
    DocumentReader.Result<Waybill> negative = reader.read(json);
    assertEquals(List.of("grossWeight"), paths(negative));
    assertError(negative, "grossWeight", "negative");
  }

  @Test
  void blankCodesAreRequiredNotSilentlyNull() {
    ObjectNode json = validWaybill();
    json.put("ieFlag", "");
    json.put("appType", " ");
    DocumentReader.Result<Waybill> r = reader.read(json);
    assertEquals(List.of("appType", "ieFlag"), paths(r));
    assertError(r, "ieFlag", "is required");
  }
}
