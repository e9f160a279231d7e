package io.sanliu.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.ingest.auth.Sender;
import io.sanliu.ingest.auth.SenderRegistry;
import io.sanliu.ingest.auth.SenderRole;
import io.sanliu.model.Json;
import io.sanliu.model.ceb.CebMessageReader;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.events.AppType;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsListItem;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.Direction;
import io.sanliu.model.events.EnterpriseFiling;
import io.sanliu.model.events.EnterpriseRole;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.LogisticsStatus;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.OrderItem;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.ReceiptKind;
import io.sanliu.model.events.SampleEvents;
import io.sanliu.model.events.TradeMode;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.kafka.Topic;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.privacy.PersonalDataHasher;
import io.sanliu.model.privacy.PersonalField;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every document type the gateway takes, in every form it takes it, through the real embedded Kafka
 * broker: the customs' sample messages (the model's test resources {@code ceb/*.xml}) as
 * BaseTransfer and MessageHead variants, in UTF-8 and GBK, and their JSON form as one document, as
 * an array and as NDJSON; plus the JSON-only types (tracking events, filings, evaluations). Each
 * sample is posted by a sender holding exactly the participant code the sample names, and every
 * published event is compared field by field with what the sample says.
 *
 * <p>Identifiers (guids, order, waybill, transaction and list numbers) get a suffix per post, so
 * that the records of one post can be told from those of any other test in this JVM.
 */
@ExtendWith(SanliuStackExtension.class)
class IngestEveryDocumentTest {
  /** The key of {@link SampleEvents#HASHER}: the gateway's hashes are the samples' hashes. */
  static final String PII_KEY = "test-only-hmac-key-0123456789";

  static final PersonalDataHasher HASHER = SampleEvents.HASHER;

  // The participants the samples name, each a sender of the role its documents need.
  static final String SZ_PLATFORM = "4403960001"; // CEB311 two orders (ebpCode)
  static final String HZ_PLATFORM = "3301960007"; // CEB311 MessageHead (ebpCode)
  static final String GZ_PLATFORM = "4401960011"; // CEB303 (ebpCode)
  static final String SZ_PAYMENT = "4403960003"; // CEB411 (payCode)
  static final String SZ_LOGISTICS = "4403980004"; // CEB511 (logisticsCode)
  static final String GZ_LOGISTICS = "4401980013"; // CEB505 (logisticsCode)
  static final String CUSTOMS = "EPORT-5349"; // lists and receipts: customs' single window
  static final String ZONE = "QIANHAI-ZONE"; // enterprise and goods filings
  static final String SAMPLE_PLATFORM = SampleEvents.EBP_CODE; // evaluations
  static final String SAMPLE_LOGISTICS = SampleEvents.LOGISTICS_CODE; // tracking events

  static final Map<String, SenderRole> SENDERS =
      Map.of(
          SZ_PLATFORM, SenderRole.PLATFORM,
          HZ_PLATFORM, SenderRole.PLATFORM,
          GZ_PLATFORM, SenderRole.PLATFORM,
          SZ_PAYMENT, SenderRole.PAYMENT,
          SZ_LOGISTICS, SenderRole.LOGISTICS,
          GZ_LOGISTICS, SenderRole.LOGISTICS,
          CUSTOMS, SenderRole.CUSTOMS,
          ZONE, SenderRole.ZONE,
          SAMPLE_PLATFORM, SenderRole.PLATFORM,
          SAMPLE_LOGISTICS, SenderRole.LOGISTICS);

  /** Personal values of the samples in clear: none may appear in any published record. */
  static final List<String> CLEAR_PERSONAL_VALUES =
      List.of(
          "440301199001011234",
          "110105198512120021",
          "330106199203150048",
          "110105199003078765",
          "U88001234",
          "U88005678",
          "HZ000731",
          "13800138000",
          "13912345678",
          "13711112222",
          "王喆",
          "李晓燕",
          "陈静",
          "广东省深圳市南山区粤海街道科技园路1号",
          "北京市朝阳区建国路88号 SOHO现代城A座1203室",
          "北京市朝阳区建国路88号SOHO现代城A座1203室",
          "浙江省杭州市西湖区文三路90号");

  static final Charset GBK = Charset.forName("GBK");
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final AtomicInteger POSTS = new AtomicInteger();
  static final Map<String, String> API_KEYS = new HashMap<>();
  static final HttpClient http = HttpClient.newHttpClient();
  static Vertx vertx;
  static IngestServer server;
  static SanliuStack stack;

  @BeforeAll
  static void start(SanliuStack s) {
    stack = s;
    vertx = Vertx.vertx();
    Map<String, Sender> byKey = new HashMap<>();
    SENDERS.forEach(
        (code, role) -> {
          String key = "every-document-" + code + "-" + UUID.randomUUID();
          API_KEYS.put(code, key);
          byKey.put(key, new Sender(code, role));
        });
    server =
        new IngestServer(
            vertx,
            s.kafkaConfig().with(ConfigKey.PII_HMAC_KEY, PII_KEY),
            new SenderRegistry(byKey));
    server.start().await();
  }

  @AfterAll
  static void stop() {
    server.close();
    vertx.close().await();
  }

  // ---------------------------------------------------------------------------------------------
  // CEB message types, XML and JSON

  @Test
  void importAndExportOrdersCeb311AndCeb303InEveryForm() throws Exception {
    List<Published> published = new ArrayList<>();

    String t = tag();
    published.addAll(
        accepted(
            "ceb",
            SZ_PLATFORM,
            "application/xml",
            tagged("CEB311-two-orders.xml", t),
            null,
            "0E4A4B2C-7D51-4C2B-9F1E-3A5D6C7B8E91-" + t,
            List.of(order311First(t), order311Second(t))));

    t = tag();
    published.addAll(
        accepted(
            "ceb",
            SZ_PLATFORM,
            "text/xml; charset=GBK",
            tagged("CEB311-two-orders-gbk.xml", t),
            null,
            "0E4A4B2C-7D51-4C2B-9F1E-3A5D6C7B8E91-" + t,
            List.of(order311First(t), order311Second(t))));

    t = tag();
    published.addAll(
        accepted(
            "ceb",
            HZ_PLATFORM,
            "application/xml",
            tagged("CEB311-message-head.xml", t),
            null,
            "MSG-20261122-000731-" + t,
            List.of(order311MessageHead(t))));

    t = tag();
    published.addAll(
        accepted(
            "ceb",
            GZ_PLATFORM,
            "application/xml",
            tagged("CEB303-export-usd.xml", t),
            null,
            "A1B2C3D4-E5F6-4711-8A9B-0C1D2E3F4A5B-" + t,
            List.of(order303(t))));

    // The export order with a MessageHead (no guid attribute, no BaseTransfer), on its typed route.
    t = tag();
    published.addAll(
        accepted(
            "orders",
            GZ_PLATFORM,
            "application/xml",
            utf8(
                withMessageHead(
                    text("CEB303-export-usd.xml", t), "CEB303", GZ_PLATFORM, "广州出海通跨境电子商务平台有限公司")),
            null,
            "A1B2C3D4-E5F6-4711-8A9B-0C1D2E3F4A5B-" + t,
            List.of(order303(t))));

    // JSON: one document (the message guid is its guid), an array with amounts as JSON numbers
    // (the guid a digest of the body), NDJSON with the guid in the header.
    t = tag();
    ObjectNode single = jsonRecords("CEB311-two-orders.xml", t).get(0);
    published.addAll(
        accepted(
            "orders",
            SZ_PLATFORM,
            "application/json",
            utf8(single.toString()),
            null,
            "5B1C2D3E-4F50-4A61-8B72-9C83D4E5F601-" + t,
            List.of(order311First(t))));

    String a = tag();
    String b = tag();
    byte[] array =
        arrayOf(
            typed(jsonRecords("CEB311-two-orders.xml", a)),
            typed(jsonRecords("CEB311-two-orders.xml", b)));
    published.addAll(
        accepted(
            "orders",
            SZ_PLATFORM,
            "application/json",
            array,
            null,
            "sha256:" + sha256(array),
            List.of(order311First(a), order311Second(a), order311First(b), order311Second(b))));

    a = tag();
    b = tag();
    published.addAll(
        accepted(
            "orders",
            GZ_PLATFORM,
            "application/x-ndjson",
            ndjson(
                jsonRecords("CEB303-export-usd.xml", a), jsonRecords("CEB303-export-usd.xml", b)),
            "NDJSON-" + a,
            "NDJSON-" + a,
            List.of(order303(a), order303(b))));

    assertOnKafka(Topics.ORDERS, EventType.ORDER, published);
  }

  @Test
  void paymentSlipsCeb411InEveryForm() throws Exception {
    List<Published> published = new ArrayList<>();
    String t = tag();
    published.addAll(
        accepted(
            "ceb",
            SZ_PAYMENT,
            "application/xml",
            tagged("CEB411-payment.xml", t),
            null,
            "C3D4E5F6-A7B8-4933-8CBD-2E3F4A5B6C7D-" + t,
            List.of(payment411(t))));

    t = tag();
    published.addAll(
        accepted(
            "payments",
            SZ_PAYMENT,
            "application/xml",
            gbk(text("CEB411-payment.xml", t)),
            null,
            "C3D4E5F6-A7B8-4933-8CBD-2E3F4A5B6C7D-" + t,
            List.of(payment411(t))));

    t = tag();
    published.addAll(
        accepted(
            "payments",
            SZ_PAYMENT,
            "application/json",
            utf8(jsonRecords("CEB411-payment.xml", t).get(0).toString()),
            null,
            "D4E5F6A7-B8C9-4A44-9DCE-3F4A5B6C7D8E-" + t,
            List.of(payment411(t))));

    String a = tag();
    String b = tag();
    byte[] array =
        arrayOf(
            typed(jsonRecords("CEB411-payment.xml", a)),
            typed(jsonRecords("CEB411-payment.xml", b)));
    published.addAll(
        accepted(
            "payments",
            SZ_PAYMENT,
            "application/json",
            array,
            null,
            "sha256:" + sha256(array),
            List.of(payment411(a), payment411(b))));

    a = tag();
    b = tag();
    published.addAll(
        accepted(
            "payments",
            SZ_PAYMENT,
            "application/x-ndjson",
            ndjson(jsonRecords("CEB411-payment.xml", a), jsonRecords("CEB411-payment.xml", b)),
            "NDJSON-" + a,
            "NDJSON-" + a,
            List.of(payment411(a), payment411(b))));

    assertOnKafka(Topics.PAYMENTS, EventType.PAYMENT, published);
  }

  @Test
  void importAndExportWaybillsCeb511AndCeb505InEveryForm() throws Exception {
    List<Published> published = new ArrayList<>();
    String t = tag();
    published.addAll(
        accepted(
            "ceb",
            SZ_LOGISTICS,
            "application/xml",
            tagged("CEB511-waybill.xml", t),
            null,
            "E5F6A7B8-C9DA-4B55-8EDF-4A5B6C7D8E9F-" + t,
            List.of(waybill511(t))));

    t = tag();
    published.addAll(
        accepted(
            "ceb",
            GZ_LOGISTICS,
            "application/xml",
            tagged("CEB505-export-waybill.xml", t),
            null,
            "0718293A-4B5C-4D6E-8F70-8192A3B4C5D6-" + t,
            List.of(waybill505(t))));

    t = tag();
    published.addAll(
        accepted(
            "waybills",
            GZ_LOGISTICS,
            "application/xml",
            gbk(text("CEB505-export-waybill.xml", t)),
            null,
            "0718293A-4B5C-4D6E-8F70-8192A3B4C5D6-" + t,
            List.of(waybill505(t))));

    t = tag();
    published.addAll(
        accepted(
            "waybills",
            SZ_LOGISTICS,
            "application/json",
            utf8(jsonRecords("CEB511-waybill.xml", t).get(0).toString()),
            null,
            "F6A7B8C9-DAEB-4C66-9FE0-5B6C7D8E9FA0-" + t,
            List.of(waybill511(t))));

    String a = tag();
    String b = tag();
    byte[] array =
        arrayOf(
            typed(jsonRecords("CEB505-export-waybill.xml", a)),
            typed(jsonRecords("CEB505-export-waybill.xml", b)));
    published.addAll(
        accepted(
            "waybills",
            GZ_LOGISTICS,
            "application/json",
            array,
            null,
            "sha256:" + sha256(array),
            List.of(waybill505(a), waybill505(b))));

    a = tag();
    b = tag();
    published.addAll(
        accepted(
            "waybills",
            SZ_LOGISTICS,
            "application/x-ndjson",
            ndjson(jsonRecords("CEB511-waybill.xml", a), jsonRecords("CEB511-waybill.xml", b)),
            "NDJSON-" + a,
            "NDJSON-" + a,
            List.of(waybill511(a), waybill511(b))));

    assertOnKafka(Topics.WAYBILLS, EventType.WAYBILL, published);
  }

  @Test
  void importAndExportCustomsListsCeb621AndCeb603InEveryForm() throws Exception {
    List<Published> published = new ArrayList<>();
    String t = tag();
    published.addAll(
        accepted(
            "ceb",
            CUSTOMS,
            "application/xml",
            tagged("CEB621-two-items.xml", t),
            null,
            "293A4B5C-6D7E-4F80-A192-A3B4C5D6E7F8-" + t,
            List.of(list621(t))));

    t = tag();
    published.addAll(
        accepted(
            "ceb",
            CUSTOMS,
            "application/xml",
            gbk(text("CEB621-two-items.xml", t)),
            null,
            "293A4B5C-6D7E-4F80-A192-A3B4C5D6E7F8-" + t,
            List.of(list621(t))));

    t = tag();
    published.addAll(
        accepted(
            "ceb",
            CUSTOMS,
            "application/xml",
            tagged("CEB603-export-list.xml", t),
            null,
            "4B5C6D7E-8F90-41A2-83B4-C5D6E7F8091A-" + t,
            List.of(list603(t))));

    t = tag();
    published.addAll(
        accepted(
            "customs-lists",
            CUSTOMS,
            "application/xml",
            utf8(
                withMessageHead(
                    text("CEB603-export-list.xml", t),
                    "CEB603Message",
                    "4401980020",
                    "广州南沙报关服务有限公司")),
            null,
            "4B5C6D7E-8F90-41A2-83B4-C5D6E7F8091A-" + t,
            List.of(list603(t))));

    t = tag();
    published.addAll(
        accepted(
            "customs-lists",
            CUSTOMS,
            "application/json",
            utf8(jsonRecords("CEB621-two-items.xml", t).get(0).toString()),
            null,
            "3A4B5C6D-7E8F-4091-B2A3-B4C5D6E7F809-" + t,
            List.of(list621(t))));

    String a = tag();
    String b = tag();
    byte[] array =
        arrayOf(
            typed(jsonRecords("CEB603-export-list.xml", a)),
            typed(jsonRecords("CEB621-two-items.xml", b)));
    published.addAll(
        accepted(
            "customs-lists",
            CUSTOMS,
            "application/json",
            array,
            null,
            "sha256:" + sha256(array),
            List.of(list603(a), list621(b))));

    a = tag();
    b = tag();
    published.addAll(
        accepted(
            "customs-lists",
            CUSTOMS,
            "application/x-ndjson",
            ndjson(
                jsonRecords("CEB621-two-items.xml", a), jsonRecords("CEB603-export-list.xml", b)),
            "NDJSON-" + a,
            "NDJSON-" + a,
            List.of(list621(a), list603(b))));

    assertOnKafka(Topics.CUSTOMS_LISTS, EventType.CUSTOMS_LIST, published);
  }

  @Test
  void customsReceiptsCeb312Ceb412Ceb512Ceb622InEveryForm() throws Exception {
    List<Published> published = new ArrayList<>();
    String t = tag();
    published.addAll(
        accepted(
            "ceb",
            CUSTOMS,
            "application/xml",
            tagged("CEB312-order-receipt.xml", t),
            null,
            "6D7E8F90-A1B2-43C4-A5D6-E7F8091A2B3C-" + t,
            List.of(receipt312(t))));

    t = tag();
    published.addAll(
        accepted(
            "ceb",
            CUSTOMS,
            "application/xml",
            tagged("CEB412-payment-receipt.xml", t),
            null,
            "7E8F90A1-B2C3-44D5-B6E7-F8091A2B3C4D-" + t,
            List.of(receipt412(t))));

    t = tag();
    published.addAll(
        accepted(
            "ceb",
            CUSTOMS,
            "application/xml",
            gbk(text("CEB412-payment-receipt.xml", t)),
            null,
            "7E8F90A1-B2C3-44D5-B6E7-F8091A2B3C4D-" + t,
            List.of(receipt412(t))));

    t = tag();
    published.addAll(
        accepted(
            "ceb",
            CUSTOMS,
            "application/xml",
            tagged("CEB512-waybill-receipt.xml", t),
            null,
            "8F90A1B2-C3D4-45E6-87F8-091A2B3C4D5E-" + t,
            List.of(receipt512(t))));

    t = tag();
    published.addAll(
        accepted(
            "ceb",
            CUSTOMS,
            "application/xml",
            tagged("CEB622-list-receipts.xml", t),
            null,
            "90A1B2C3-D4E5-46F7-98A9-1A2B3C4D5E6F-" + t,
            List.of(receipt622Released(t), receipt622Returned(t))));

    // From customs to the enterprise: a receipt in the <Message><MessageHead/><MessageBody/>
    // envelope (the guid is the MessageId), and one with a MessageHead inside the root.
    t = tag();
    published.addAll(
        accepted(
            "ceb",
            CUSTOMS,
            "application/xml",
            utf8(inEnvelope(text("CEB622-list-receipts.xml", t), "CEB622Message")),
            null,
            "90A1B2C3-D4E5-46F7-98A9-1A2B3C4D5E6F-" + t,
            List.of(receipt622Released(t), receipt622Returned(t))));
    t = tag();
    published.addAll(
        accepted(
            "customs-receipts",
            CUSTOMS,
            "application/xml",
            utf8(withMessageHead(text("CEB312-order-receipt.xml", t), "CEB312", "EPORT", "海关")),
            null,
            "6D7E8F90-A1B2-43C4-A5D6-E7F8091A2B3C-" + t,
            List.of(receipt312(t))));

    t = tag();
    published.addAll(
        accepted(
            "customs-receipts",
            CUSTOMS,
            "application/json",
            utf8(jsonRecords("CEB512-waybill-receipt.xml", t).get(0).toString()),
            null,
            "F6A7B8C9-DAEB-4C66-9FE0-5B6C7D8E9FA0-" + t,
            List.of(receipt512(t))));

    String a = tag();
    byte[] array = arrayOf(typed(jsonRecords("CEB622-list-receipts.xml", a)));
    published.addAll(
        accepted(
            "customs-receipts",
            CUSTOMS,
            "application/json",
            array,
            null,
            "sha256:" + sha256(array),
            List.of(receipt622Released(a), receipt622Returned(a))));

    // Every kind of receipt in one NDJSON message.
    a = tag();
    published.addAll(
        accepted(
            "customs-receipts",
            CUSTOMS,
            "application/x-ndjson",
            ndjson(
                jsonRecords("CEB312-order-receipt.xml", a),
                jsonRecords("CEB412-payment-receipt.xml", a),
                jsonRecords("CEB512-waybill-receipt.xml", a),
                jsonRecords("CEB622-list-receipts.xml", a)),
            "NDJSON-" + a,
            "NDJSON-" + a,
            List.of(
                receipt312(a),
                receipt412(a),
                receipt512(a),
                receipt622Released(a),
                receipt622Returned(a))));

    assertOnKafka(Topics.CUSTOMS_RECEIPTS, EventType.CUSTOMS_RECEIPT, published);
  }

  // ---------------------------------------------------------------------------------------------
  // JSON-only types

  @Test
  void trackingEventsAsOneDocumentAnArrayAndNdjson() throws Exception {
    List<Published> published = new ArrayList<>();
    String t = tag();
    ObjectNode one =
        trackingJson(t, "0003", "customs_clearance", "20261122120000")
            .put("location", "深圳前海监管仓")
            .put("country", "142")
            .put("transportMode", "road");
    published.addAll(
        accepted(
            "logistics-events",
            SAMPLE_LOGISTICS,
            "application/json",
            utf8(one.toString()),
            null,
            "sha256:" + sha256(utf8(one.toString())),
            List.of(
                new LogisticsEvent(
                    "EV-SF1400123456789-0003-" + t,
                    SAMPLE_LOGISTICS,
                    SampleEvents.LOGISTICS_NO + "-" + t,
                    LogisticsStatus.CUSTOMS_CLEARANCE,
                    "深圳前海监管仓",
                    "142",
                    "ROAD",
                    Instant.parse("2026-11-22T04:00:00Z"),
                    null))));

    String a = tag();
    ArrayNode journey = Json.mapper().createArrayNode();
    journey.add(
        trackingJson(a, "0001", "PICKED_UP", "2026-11-20T18:05:00+09:00")
            .put("location", "东京羽田")
            .put("country", "116")
            .put("transportMode", "Air"));
    journey.add(
        trackingJson(a, "0002", "arrived", "2026-11-21T03:40:00Z")
            .put("location", "深圳宝安机场")
            .put("transportMode", "AIR")
            .put("note", "航班 NH933"));
    byte[] array = utf8(journey.toString());
    published.addAll(
        accepted(
            "logistics-events",
            SAMPLE_LOGISTICS,
            "application/json",
            array,
            null,
            "sha256:" + sha256(array),
            List.of(
                new LogisticsEvent(
                    "EV-SF1400123456789-0001-" + a,
                    SAMPLE_LOGISTICS,
                    SampleEvents.LOGISTICS_NO + "-" + a,
                    LogisticsStatus.PICKED_UP,
                    "东京羽田",
                    "116",
                    "AIR",
                    Instant.parse("2026-11-20T09:05:00Z"),
                    null),
                new LogisticsEvent(
                    "EV-SF1400123456789-0002-" + a,
                    SAMPLE_LOGISTICS,
                    SampleEvents.LOGISTICS_NO + "-" + a,
                    LogisticsStatus.ARRIVED,
                    "深圳宝安机场",
                    null,
                    "AIR",
                    Instant.parse("2026-11-21T03:40:00Z"),
                    "航班 NH933"))));

    String b = tag();
    byte[] lines =
        ndjson(
            List.of(
                trackingJson(b, "0004", "out_for_delivery", "20261123090000")
                    .put("transportMode", "road"),
                trackingJson(b, "0005", "Delivered", "20261123153000").put("location", "北京市朝阳区")));
    published.addAll(
        accepted(
            "logistics-events",
            SAMPLE_LOGISTICS,
            "application/x-ndjson",
            lines,
            "NDJSON-" + b,
            "NDJSON-" + b,
            List.of(
                new LogisticsEvent(
                    "EV-SF1400123456789-0004-" + b,
                    SAMPLE_LOGISTICS,
                    SampleEvents.LOGISTICS_NO + "-" + b,
                    LogisticsStatus.OUT_FOR_DELIVERY,
                    null,
                    null,
                    "ROAD",
                    Instant.parse("2026-11-23T01:00:00Z"),
                    null),
                new LogisticsEvent(
                    "EV-SF1400123456789-0005-" + b,
                    SAMPLE_LOGISTICS,
                    SampleEvents.LOGISTICS_NO + "-" + b,
                    LogisticsStatus.DELIVERED,
                    "北京市朝阳区",
                    null,
                    null,
                    Instant.parse("2026-11-23T07:30:00Z"),
                    null))));

    assertOnKafka(Topics.LOGISTICS_EVENTS, EventType.LOGISTICS_EVENT, published);
  }

  @Test
  void enterpriseFilingsAsOneDocumentAnArrayAndNdjson() throws Exception {
    EnterpriseFiling sample = SampleEvents.enterpriseFiling();
    List<Published> published = new ArrayList<>();
    String t = tag();
    ObjectNode one = enterpriseJson(sample, t);
    one.putArray("roles").add("platform").add("Ecommerce");
    published.addAll(
        accepted(
            "enterprise-filings",
            ZONE,
            "application/json",
            utf8(one.toString()),
            null,
            "sha256:" + sha256(utf8(one.toString())),
            List.of(enterprise(sample, t, sample.roles()))));

    String a = tag();
    String b = tag();
    ObjectNode first = enterpriseJson(sample, a).put("roles", "LOGISTICS, warehouse");
    ObjectNode second = enterpriseJson(sample, b).put("appType", 2);
    second.putArray("roles").add("PAYMENT");
    byte[] array = utf8(Json.mapper().createArrayNode().add(first).add(second).toString());
    published.addAll(
        accepted(
            "enterprise-filings",
            ZONE,
            "application/json",
            array,
            null,
            "sha256:" + sha256(array),
            List.of(
                enterprise(sample, a, Set.of(EnterpriseRole.LOGISTICS, EnterpriseRole.WAREHOUSE)),
                withAppType(
                    enterprise(sample, b, Set.of(EnterpriseRole.PAYMENT)), AppType.CHANGE))));

    String c = tag();
    String d = tag();
    ObjectNode third = enterpriseJson(sample, c).put("roles", "AGENT");
    ObjectNode fourth = enterpriseJson(sample, d).put("appType", "3").put("roles", "ecommerce");
    published.addAll(
        accepted(
            "enterprise-filings",
            ZONE,
            "application/x-ndjson",
            ndjson(List.of(third, fourth)),
            null,
            null,
            List.of(
                enterprise(sample, c, Set.of(EnterpriseRole.AGENT)),
                withAppType(
                    enterprise(sample, d, Set.of(EnterpriseRole.ECOMMERCE)), AppType.DELETE))));

    assertOnKafka(Topics.ENTERPRISE_FILINGS, EventType.ENTERPRISE_FILING, published);
  }

  @Test
  void goodsFilingsAsOneDocumentAnArrayAndNdjson() throws Exception {
    GoodsFiling sample = SampleEvents.goodsFiling();
    List<Published> published = new ArrayList<>();
    String t = tag();
    ObjectNode one = goodsJson(sample, t).put("filedPrice", "520.00");
    published.addAll(
        accepted(
            "goods-filings",
            ZONE,
            "application/json",
            utf8(one.toString()),
            null,
            "sha256:" + sha256(utf8(one.toString())),
            List.of(goods(sample, t, new BigDecimal("520.00")))));

    String a = tag();
    String b = tag();
    byte[] array =
        Json.mapper()
            .writeValueAsBytes(
                Json.mapper()
                    .createArrayNode()
                    .add(goodsJson(sample, a).put("filedPrice", new BigDecimal("520.00")))
                    .add(goodsJson(sample, b).put("filedPrice", new BigDecimal("0.90"))));
    published.addAll(
        accepted(
            "goods-filings",
            ZONE,
            "application/json",
            array,
            null,
            "sha256:" + sha256(array),
            List.of(
                goods(sample, a, new BigDecimal("520.00")),
                goods(sample, b, new BigDecimal("0.90")))));

    String c = tag();
    String d = tag();
    published.addAll(
        accepted(
            "goods-filings",
            ZONE,
            "application/x-ndjson",
            ndjson(
                List.of(
                    goodsJson(sample, c).put("filedPrice", "1234.5"),
                    goodsJson(sample, d).put("filedPrice", "0"))),
            "NDJSON-" + c,
            "NDJSON-" + c,
            List.of(
                goods(sample, c, new BigDecimal("1234.5")),
                goods(sample, d, new BigDecimal("0")))));

    assertOnKafka(Topics.GOODS_FILINGS, EventType.GOODS_FILING, published);
  }

  @Test
  void evaluationsAsOneDocumentAnArrayAndNdjson() throws Exception {
    Evaluation sample = SampleEvents.evaluation();
    List<Published> published = new ArrayList<>();
    String t = tag();
    ObjectNode one = evaluationJson(sample, t).put("score", "2").put("complaint", "TRUE");
    published.addAll(
        accepted(
            "evaluations",
            SAMPLE_PLATFORM,
            "application/json",
            utf8(one.toString()),
            "EVAL-" + t,
            "EVAL-" + t,
            List.of(evaluation(sample, t, 2, true, sample.comment()))));

    String a = tag();
    String b = tag();
    byte[] array =
        utf8(
            Json.mapper()
                .createArrayNode()
                .add(evaluationJson(sample, a).put("score", 2).put("complaint", true))
                .add(
                    evaluationJson(sample, b)
                        .put("score", 5)
                        .put("complaint", false)
                        .put("comment", "很好"))
                .toString());
    published.addAll(
        accepted(
            "evaluations",
            SAMPLE_PLATFORM,
            "application/json",
            array,
            null,
            "sha256:" + sha256(array),
            List.of(
                evaluation(sample, a, 2, true, sample.comment()),
                evaluation(sample, b, 5, false, "很好"))));

    String c = tag();
    published.addAll(
        accepted(
            "evaluations",
            SAMPLE_PLATFORM,
            "application/x-ndjson",
            ndjson(List.of(evaluationJson(sample, c).put("score", 1).put("complaint", "false"))),
            null,
            null,
            List.of(evaluation(sample, c, 1, false, sample.comment()))));

    assertOnKafka(Topics.EVALUATIONS, EventType.EVALUATION, published);
  }

  @Test
  void personalFieldsAreTheKeyedHashOfTheDocumentedKeyAndAMask() throws Exception {
    // Independent of PersonalDataHasher: HMAC-SHA256 with SANLIU_PII_HMAC_KEY of the upper-cased
    // value, hex; the ID number shows its first 3 and last 4 characters.
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(PII_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String hash =
        HexFormat.of()
            .formatHex(mac.doFinal("440301199001011234".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        new PersonalField(hash, "440***********1234"), order311First("x").buyerId(), "sample");
    assertEquals(new PersonalField(HASHER.hash("王喆"), "王*"), order311First("x").buyerName());
    assertEquals("138****8000", order311First("x").buyerTelephone().masked());
    assertEquals("广东省深圳市" + "*".repeat(13), order311First("x").consigneeAddress().masked());
  }

  // ---------------------------------------------------------------------------------------------
  // Message guids of XML messages

  /**
   * A CEB message need not carry a guid (receipts often have none, a MessageHead may lack the
   * MessageId). Two such messages are two messages: each must be published, neither answered as the
   * replay of the other. The documented rule applies: the {@code X-Message-Guid} header, else a
   * digest of the body.
   */
  @Test
  void xmlMessagesWithoutAGuidAreTwoMessagesNotAReplay() throws Exception {
    String a = tag();
    String b = tag();
    String c = tag();
    byte[] first = utf8(text("CEB312-order-receipt.xml", a).replaceFirst(" guid=\"[^\"]+\"", ""));
    byte[] second = utf8(text("CEB312-order-receipt.xml", b).replaceFirst(" guid=\"[^\"]+\"", ""));
    byte[] third = utf8(text("CEB312-order-receipt.xml", c).replaceFirst(" guid=\"[^\"]+\"", ""));

    List<Published> published = new ArrayList<>();
    published.addAll(
        accepted("ceb", CUSTOMS, "application/xml", first, null, null, List.of(receipt312(a))));
    published.addAll(
        accepted("ceb", CUSTOMS, "application/xml", second, null, null, List.of(receipt312(b))));
    published.addAll(
        accepted(
            "ceb",
            CUSTOMS,
            "application/xml",
            third,
            "HDR-" + c,
            "HDR-" + c,
            List.of(receipt312(c))));
    assertNotEquals(published.get(0).messageGuid(), published.get(1).messageGuid());
    assertEquals("sha256:" + sha256(first), published.get(0).messageGuid());
    assertOnKafka(Topics.CUSTOMS_RECEIPTS, EventType.CUSTOMS_RECEIPT, published);
  }

  // ---------------------------------------------------------------------------------------------
  // What each sample says: the events the gateway must publish for it

  static BigDecimal bd(String value) {
    return new BigDecimal(value);
  }

  static Order order311First(String t) {
    return new Order(
        "5B1C2D3E-4F50-4A61-8B72-9C83D4E5F601-" + t,
        AppType.NEW,
        Instant.parse("2026-11-22T00:30:00Z"), // 20261122083000 China time
        "2",
        Direction.I,
        null,
        "SO202611220001-" + t,
        SZ_PLATFORM,
        "深圳前海跨境购电子商务有限公司",
        "4403960002",
        "深圳前海优品贸易有限公司",
        bd("199.80"),
        bd("10.00"),
        bd("0"),
        bd("19.09"),
        bd("228.89"),
        "142",
        HASHER.idNumber("U88001234"),
        "1",
        HASHER.idNumber("440301199001011234"),
        HASHER.name("王喆"),
        HASHER.telephone("13800138000"),
        "4403960003",
        "深圳前海支付科技有限公司",
        "PAY202611220001-" + t,
        null,
        HASHER.name("王喆"),
        HASHER.telephone("13800138000"),
        HASHER.address("广东省深圳市南山区粤海街道科技园路1号"),
        "440305",
        "请尽快发货",
        List.of(
            new OrderItem(
                1,
                "MILK-JP-800G",
                "明治婴幼儿配方奶粉 1段 800克",
                "800g/罐",
                "日本原装进口",
                "4902705116542",
                "122",
                bd("2"),
                bd("99.90"),
                bd("199.80"),
                "142",
                "116",
                null)));
  }

  static Order order311Second(String t) {
    return new Order(
        "6C2D3E4F-5061-4B72-9C83-AD94E5F60712-" + t,
        AppType.NEW,
        Instant.parse("2026-11-22T00:35:00Z"),
        "2",
        Direction.I,
        null,
        "SO202611220002-" + t,
        SZ_PLATFORM,
        "深圳前海跨境购电子商务有限公司",
        "4403960002",
        "深圳前海优品贸易有限公司",
        bd("356.00"),
        bd("0"),
        bd("20.00"),
        bd("30.58"),
        bd("366.58"),
        "142",
        HASHER.idNumber("U88005678"),
        "1",
        HASHER.idNumber("110105198512120021"),
        HASHER.name("李晓燕"),
        HASHER.telephone("13912345678"),
        "4403960003",
        "深圳前海支付科技有限公司",
        "PAY202611220002-" + t,
        null,
        HASHER.name("李晓燕"),
        HASHER.telephone("13912345678"),
        HASHER.address("北京市朝阳区建国路88号 SOHO现代城A座1203室"),
        "110105",
        null,
        List.of(
            new OrderItem(
                1,
                "COS-KR-0012",
                "雪花秀滋阴水 150毫升",
                "150ml/瓶",
                null,
                "8809535802135",
                "142",
                bd("1"),
                bd("268.00"),
                bd("268.00"),
                "142",
                "133",
                null),
            new OrderItem(
                2,
                "COS-KR-0031",
                "“M&N”面膜 10片装",
                null,
                null,
                null,
                "140",
                bd("2"),
                bd("44.00"),
                bd("88.00"),
                "142",
                "133",
                null)));
  }

  /** The MessageHead sample: no orderType, so the direction comes from CEB311 (import). */
  static Order order311MessageHead(String t) {
    return new Order(
        "7D3E4F50-6172-4C83-AD94-BEA5F6071823-" + t,
        AppType.NEW,
        Instant.parse("2026-11-22T01:00:00Z"),
        "2",
        Direction.I,
        null,
        "HZ-SO-88001-" + t,
        HZ_PLATFORM,
        "杭州综试区云仓电子商务有限公司",
        "3301960008",
        "杭州海淘优选商贸有限公司",
        bd("59.00"),
        bd("0"),
        bd("0"),
        bd("5.37"),
        bd("64.37"),
        "142",
        HASHER.idNumber("HZ000731"),
        "1",
        HASHER.idNumber("330106199203150048"),
        HASHER.name("陈静"),
        HASHER.telephone("13711112222"),
        "3301960009",
        "杭州云付网络技术有限公司",
        "YF20261122000731-" + t,
        null,
        HASHER.name("陈静"),
        HASHER.telephone("13711112222"),
        HASHER.address("浙江省杭州市西湖区文三路90号"),
        null,
        null,
        List.of(
            new OrderItem(
                1,
                "VIT-AU-60",
                "澳洲维生素C咀嚼片 60粒",
                null,
                null,
                null,
                "142",
                bd("1"),
                bd("59.00"),
                bd("59.00"),
                "142",
                "601",
                null)));
  }

  static Order order303(String t) {
    return new Order(
        "B2C3D4E5-F6A7-4822-9BAC-1D2E3F4A5B6C-" + t,
        AppType.NEW,
        Instant.parse("2026-11-22T02:15:00Z"),
        "2",
        Direction.E,
        null,
        "EX-US-20261122-017-" + t,
        GZ_PLATFORM,
        "广州出海通跨境电子商务平台有限公司",
        "4401960012",
        "广州南沙智造家居用品有限公司",
        bd("89.97"),
        bd("12.50"),
        null,
        null,
        null,
        "502",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "9610 出口",
        List.of(
            new OrderItem(
                1,
                "LAMP-LED-02",
                "LED护眼台灯",
                null,
                "USB充电 三档调光",
                "6970123456789",
                "011",
                bd("3"),
                bd("29.99"),
                bd("89.97"),
                "502",
                null,
                null)));
  }

  static Payment payment411(String t) {
    return new Payment(
        "D4E5F6A7-B8C9-4A44-9DCE-3F4A5B6C7D8E-" + t,
        AppType.NEW,
        Instant.parse("2026-11-22T00:31:00Z"),
        "2",
        SZ_PAYMENT,
        "深圳前海支付科技有限公司",
        "PAY202611220001-" + t,
        "SO202611220001-" + t,
        SZ_PLATFORM,
        "深圳前海跨境购电子商务有限公司",
        "1",
        HASHER.idNumber("440301199001011234"),
        HASHER.name("王喆"),
        HASHER.telephone("13800138000"),
        bd("228.89"),
        "142",
        Instant.parse("2026-11-22T00:30:45Z"),
        null);
  }

  static Waybill waybill511(String t) {
    return new Waybill(
        "F6A7B8C9-DAEB-4C66-9FE0-5B6C7D8E9FA0-" + t,
        AppType.NEW,
        Instant.parse("2026-11-22T01:30:00Z"),
        "2",
        Direction.I,
        SZ_LOGISTICS,
        "深圳顺达国际物流有限公司",
        "SF1234567890123-" + t,
        "784-12345675",
        "SO202611220001-" + t,
        null,
        bd("10.00"),
        bd("0"),
        "142",
        bd("1.85"),
        1,
        "奶粉",
        HASHER.name("王喆"),
        HASHER.address("广东省深圳市南山区粤海街道科技园路1号"),
        HASHER.telephone("13800138000"),
        null);
  }

  /** The flat export waybill: its grossWeight is the weight, its direction E from CEB505. */
  static Waybill waybill505(String t) {
    return new Waybill(
        "18293A4B-5C6D-4E7F-9081-92A3B4C5D6E7-" + t,
        AppType.NEW,
        Instant.parse("2026-11-22T03:00:00Z"),
        "2",
        Direction.E,
        GZ_LOGISTICS,
        "广州环球速递供应链有限公司",
        "GZX2026112200017-" + t,
        null,
        null,
        null,
        bd("12.50"),
        bd("0.90"),
        "502",
        bd("2.40"),
        1,
        "LED护眼台灯",
        null,
        null,
        null,
        null);
  }

  static CustomsList list621(String t) {
    Instant day = Instant.parse("2026-11-21T16:00:00Z"); // 20261122, start of the day in China
    return new CustomsList(
        "3A4B5C6D-7E8F-4091-B2A3-B4C5D6E7F809-" + t,
        AppType.NEW,
        Instant.parse("2026-11-22T02:00:00Z"),
        "2",
        "SO202611220002-" + t,
        SZ_PLATFORM,
        "4403960002",
        "SF1234567890456-" + t,
        SZ_LOGISTICS,
        null,
        "QH-INV-20261122-0002-" + t,
        null,
        null,
        Direction.I,
        day,
        "5349",
        "5349",
        day,
        "1",
        HASHER.idNumber("110105198512120021"),
        HASHER.name("李晓燕"),
        HASHER.telephone("13912345678"),
        HASHER.address("北京市朝阳区建国路88号 SOHO现代城A座1203室"),
        "4403980020",
        "4403660001",
        TradeMode.BONDED_1210,
        "4",
        "133",
        bd("0"),
        bd("0"),
        "142",
        1,
        bd("0.98"),
        bd("0.62"),
        List.of(
            new CustomsListItem(
                1,
                "QH-GOODS-000311",
                "COS-KR-0012",
                "雪花秀滋阴水 150毫升",
                "3304990099",
                "雪花秀滋阴水",
                "4|3|水、丁二醇、甘油|150ml/瓶|雪花秀",
                "133",
                "142",
                bd("1"),
                "142",
                bd("0.15"),
                "035",
                bd("268.00"),
                bd("268.00")),
            new CustomsListItem(
                2,
                "QH-GOODS-000587",
                "COS-KR-0031",
                "“M&N”面膜 10片装",
                "3304990099",
                "面膜",
                "4|3|水、透明质酸钠|25ml*10片|M&N",
                "133",
                "142",
                bd("2"),
                "140",
                bd("0.5"),
                "035",
                bd("44.00"),
                bd("88.00"))));
  }

  /** The export list: no declTime (its event time is appTime), fCurrency stands for currency. */
  static CustomsList list603(String t) {
    return new CustomsList(
        "5C6D7E8F-90A1-42B3-94C5-D6E7F8091A2B-" + t,
        AppType.NEW,
        Instant.parse("2026-11-22T03:30:00Z"),
        "2",
        "EX-US-20261122-017-" + t,
        GZ_PLATFORM,
        "4401960012",
        "GZX2026112200017-" + t,
        GZ_LOGISTICS,
        null,
        "NS-EXP-20261122-017-" + t,
        null,
        null,
        Direction.E,
        null,
        "5165",
        "5165",
        Instant.parse("2026-11-21T16:00:00Z"),
        null,
        null,
        null,
        null,
        null,
        "4401980020",
        null,
        TradeMode.DIRECT_9610,
        "5",
        "502",
        bd("12.50"),
        bd("0.90"),
        "502",
        1,
        bd("2.40"),
        bd("2.10"),
        List.of(
            new CustomsListItem(
                1,
                null,
                "LAMP-LED-02",
                "LED护眼台灯",
                "9405210000",
                "LED台灯",
                "台灯|LED光源|无品牌",
                "502",
                "502",
                bd("3"),
                "011",
                bd("2.10"),
                "035",
                bd("29.99"),
                bd("89.97"))));
  }

  static CustomsReceipt receipt312(String t) {
    return new CustomsReceipt(
        "5B1C2D3E-4F50-4A61-8B72-9C83D4E5F601-" + t,
        ReceiptKind.ORDER,
        SZ_PLATFORM,
        "SO202611220001-" + t,
        null,
        null,
        null,
        null,
        null,
        null,
        "120",
        Instant.parse("2026-11-22T00:32:05Z"),
        "订单入库成功[5B1C2D3E-4F50-4A61-8B72-9C83D4E5F601]");
  }

  /** A payment receipt naming no order: keyed by the payment. */
  static CustomsReceipt receipt412(String t) {
    return new CustomsReceipt(
        "D4E5F6A7-B8C9-4A44-9DCE-3F4A5B6C7D8E-" + t,
        ReceiptKind.PAYMENT,
        null,
        null,
        null,
        null,
        SZ_PAYMENT,
        "PAY202611220001-" + t,
        null,
        null,
        "100",
        Instant.parse("2026-11-22T00:33:20Z"),
        "退单：支付人证件号码与订单订购人不一致");
  }

  /** Its returnTime has milliseconds: 20261122093110000. */
  static CustomsReceipt receipt512(String t) {
    return new CustomsReceipt(
        "F6A7B8C9-DAEB-4C66-9FE0-5B6C7D8E9FA0-" + t,
        ReceiptKind.WAYBILL,
        null,
        null,
        SZ_LOGISTICS,
        "SF1234567890123-" + t,
        null,
        null,
        null,
        null,
        "120",
        Instant.parse("2026-11-22T01:31:10Z"),
        "运单入库成功");
  }

  static CustomsReceipt receipt622Released(String t) {
    return new CustomsReceipt(
        "3A4B5C6D-7E8F-4091-B2A3-B4C5D6E7F809-" + t,
        ReceiptKind.CUSTOMS_LIST,
        SZ_PLATFORM,
        null,
        null,
        null,
        null,
        null,
        "QH-INV-20261122-0002-" + t,
        "53492026I000004711-" + t,
        CustomsReceipt.RELEASED,
        Instant.parse("2026-11-22T02:30:15Z"),
        "放行");
  }

  static CustomsReceipt receipt622Returned(String t) {
    return new CustomsReceipt(
        "0A1B2C3D-4E5F-4607-8192-A3B4C5D6E7F8-" + t,
        ReceiptKind.CUSTOMS_LIST,
        SZ_PLATFORM,
        null,
        null,
        null,
        null,
        null,
        "QH-INV-20261122-0003-" + t,
        null,
        CustomsReceipt.RETURNED,
        Instant.parse("2026-11-22T02:30:16Z"),
        "退单：超过个人年度交易限值");
  }

  static ObjectNode trackingJson(String t, String n, String status, String occurredAt) {
    return Json.mapper()
        .createObjectNode()
        .put("eventId", "EV-SF1400123456789-" + n + "-" + t)
        .put("logisticsCode", SAMPLE_LOGISTICS)
        .put("logisticsNo", SampleEvents.LOGISTICS_NO + "-" + t)
        .put("status", status)
        .put("occurredAt", occurredAt);
  }

  static ObjectNode enterpriseJson(EnterpriseFiling s, String t) {
    return Json.mapper()
        .createObjectNode()
        .put("enterpriseCode", s.enterpriseCode() + "-" + t)
        .put("enterpriseName", s.enterpriseName())
        .put("creditCode", s.creditCode())
        .put("customsCode", s.customsCode())
        .put("country", s.country())
        .put("address", s.address())
        .put("appType", "1")
        .put("filedAt", "20260105090000");
  }

  static EnterpriseFiling enterprise(EnterpriseFiling s, String t, Set<EnterpriseRole> roles) {
    return new EnterpriseFiling(
        s.enterpriseCode() + "-" + t,
        s.enterpriseName(),
        s.creditCode(),
        roles,
        s.customsCode(),
        s.country(),
        s.address(),
        s.appType(),
        s.filedAt());
  }

  static EnterpriseFiling withAppType(EnterpriseFiling f, AppType appType) {
    return new EnterpriseFiling(
        f.enterpriseCode(),
        f.enterpriseName(),
        f.creditCode(),
        f.roles(),
        f.customsCode(),
        f.country(),
        f.address(),
        appType,
        f.filedAt());
  }

  static ObjectNode goodsJson(GoodsFiling s, String t) {
    return Json.mapper()
        .createObjectNode()
        .put("itemRecordNo", s.itemRecordNo() + "-" + t)
        .put("ebcCode", s.ebcCode())
        .put("itemNo", s.itemNo())
        .put("itemName", s.itemName())
        .put("gcode", s.gcode())
        .put("gmodel", s.gmodel())
        .put("originCountry", s.originCountry())
        .put("unit", s.unit())
        .put("currency", s.currency())
        .put("appType", "2")
        .put("filedAt", "2026-03-01T10:00:00+08:00");
  }

  static GoodsFiling goods(GoodsFiling s, String t, BigDecimal price) {
    return new GoodsFiling(
        s.itemRecordNo() + "-" + t,
        s.ebcCode(),
        s.itemNo(),
        s.itemName(),
        s.gcode(),
        s.gmodel(),
        s.originCountry(),
        s.unit(),
        price,
        s.currency(),
        s.appType(),
        s.filedAt());
  }

  static ObjectNode evaluationJson(Evaluation s, String t) {
    return Json.mapper()
        .createObjectNode()
        .put("evaluationId", s.evaluationId() + "-" + t)
        .put("ebpCode", s.ebpCode())
        .put("orderNo", s.orderNo() + "-" + t)
        .put("ebcCode", s.ebcCode())
        .put("buyerIdNumber", "110105199003078765")
        .put("category", s.category())
        .put("comment", s.comment())
        .put("evaluatedAt", "20261125200000");
  }

  static Evaluation evaluation(
      Evaluation s, String t, int score, boolean complaint, String comment) {
    return new Evaluation(
        s.evaluationId() + "-" + t,
        s.ebpCode(),
        s.orderNo() + "-" + t,
        s.ebcCode(),
        s.buyerId(),
        score,
        complaint,
        s.category(),
        comment,
        s.evaluatedAt());
  }

  // ---------------------------------------------------------------------------------------------
  // Posting and checking

  /** One record the gateway said it published. */
  record Published(
      String source,
      String messageGuid,
      String recordGuid,
      Instant receivedAt,
      BusinessEvent event) {}

  static String tag() {
    return RUN + "-" + POSTS.incrementAndGet();
  }

  static HttpResponse<String> post(
      String route, String sender, String contentType, byte[] body, String headerGuid)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/ingest/v1/" + route))
            .header("Content-Type", contentType)
            .header(IngestServer.API_KEY_HEADER, API_KEYS.get(sender))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headerGuid != null) b.header(IngestServer.MESSAGE_GUID_HEADER, headerGuid);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Posts a message, checks that it is answered 202 with a receipt accepting each record under its
   * business key and guid, and returns what must be on Kafka.
   *
   * @param expectedMessageGuid null when not to be checked
   */
  static List<Published> accepted(
      String route,
      String sender,
      String contentType,
      byte[] body,
      String headerGuid,
      String expectedMessageGuid,
      List<? extends BusinessEvent> events)
      throws Exception {
    Instant before = Instant.now();
    HttpResponse<String> response = post(route, sender, contentType, body, headerGuid);
    Instant after = Instant.now();
    String what = route + " " + contentType + ": " + response.body();
    assertEquals(202, response.statusCode(), what);
    JsonNode receipt = Json.mapper().readTree(response.body());
    assertEquals("accepted", receipt.get("status").asText(), what);
    assertEquals(202, receipt.get("httpStatus").asInt(), what);
    assertEquals(sender, receipt.get("sender").asText(), what);
    String messageGuid = receipt.path("messageGuid").asText(null);
    assertNotNull(messageGuid, what);
    if (expectedMessageGuid != null) assertEquals(expectedMessageGuid, messageGuid, what);
    Instant receivedAt = Instant.parse(receipt.get("receivedAt").asText());
    assertFalse(receivedAt.isBefore(before) || receivedAt.isAfter(after), what);
    assertEquals(events.size(), receipt.get("records").size(), what);
    List<Published> published = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      BusinessEvent event = events.get(i);
      JsonNode r = receipt.get("records").get(i);
      String recordGuid = guidOf(event) != null ? guidOf(event) : messageGuid + "#" + i;
      assertEquals(i, r.get("index").asInt(), what);
      assertTrue(r.get("accepted").asBoolean(), what);
      assertEquals(event.businessKey(), r.get("key").asText(), what);
      assertEquals(recordGuid, r.get("guid").asText(), what);
      assertEquals(0, r.get("errors").size(), what);
      published.add(new Published(sender, messageGuid, recordGuid, receivedAt, event));
    }
    return published;
  }

  /**
   * Waits for every published record on {@code topic} and compares it field by field: key, envelope
   * and payload; and looks for clear personal values in its raw bytes.
   */
  static <T extends BusinessEvent> void assertOnKafka(
      Topic<Envelope<T>> topic, EventType type, List<Published> published) {
    Map<String, Published> byGuid = new LinkedHashMap<>();
    for (Published p : published) {
      assertEquals(null, byGuid.put(p.recordGuid(), p), "two records with guid " + p.recordGuid());
    }
    try (TopicProbe<Envelope<T>> probe = new TopicProbe<>(stack.kafkaBootstrap(), topic)) {
      List<TopicProbe.Keyed<Envelope<T>>> records =
          probe.await(
              r -> byGuid.containsKey(r.value().messageGuid()),
              byGuid.size(),
              Duration.ofSeconds(30));
      Map<String, Long> copies =
          records.stream()
              .collect(Collectors.groupingBy(r -> r.value().messageGuid(), Collectors.counting()));
      assertEquals(Set.of(1L), Set.copyOf(copies.values()), "each record once: " + copies);
      List<String> diffs = new ArrayList<>();
      for (TopicProbe.Keyed<Envelope<T>> record : records) {
        Envelope<T> e = record.value();
        Published p = byGuid.get(e.messageGuid());
        String at = topic.name() + " " + p.recordGuid();
        T payload = e.payload();
        FieldByField.compare(p.event().businessKey(), record.key(), at + " key", diffs);
        FieldByField.compare(type, e.type(), at + " type", diffs);
        FieldByField.compare(
            Envelope.CURRENT_SCHEMA_VERSION, e.schemaVersion(), at + " schemaVersion", diffs);
        FieldByField.compare(p.source(), e.source(), at + " source", diffs);
        FieldByField.compare(p.recordGuid(), e.messageGuid(), at + " messageGuid", diffs);
        FieldByField.compare(p.event().eventTime(), e.eventTime(), at + " eventTime", diffs);
        FieldByField.compare(p.receivedAt(), e.ingestTime(), at + " ingestTime", diffs);
        FieldByField.compare(p.event(), payload, at + " payload", diffs);
        String raw = new String(record.raw(), StandardCharsets.UTF_8);
        for (String clear : CLEAR_PERSONAL_VALUES) {
          if (raw.contains(clear)) diffs.add(at + ": clear personal value " + clear + " on Kafka");
        }
        for (PersonalField f : personalFields(p.event())) {
          // The masked form is there as is (the raw record is plain UTF-8, not \\u-escaped).
          if (!raw.contains("\"" + f.masked() + "\"")) {
            diffs.add(at + ": masked form " + f.masked() + " missing in " + raw);
          }
        }
      }
      if (!diffs.isEmpty()) fail(diffs.size() + " differences:\n" + String.join("\n", diffs));
    }
  }

  static String guidOf(BusinessEvent event) {
    for (RecordComponent c : event.getClass().getRecordComponents()) {
      if (c.getName().equals("guid")) {
        try {
          return (String) c.getAccessor().invoke(event);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return null;
  }

  static List<PersonalField> personalFields(Object event) {
    List<PersonalField> fields = new ArrayList<>();
    for (RecordComponent c : event.getClass().getRecordComponents()) {
      if (c.getType() == PersonalField.class) {
        try {
          PersonalField f = (PersonalField) c.getAccessor().invoke(event);
          if (f != null) fields.add(f);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return fields;
  }

  // ---------------------------------------------------------------------------------------------
  // The sample messages and their variants

  /** Identifier elements whose text gets the post's suffix (empty ones stay empty). */
  static final List<String> TAGGED_ELEMENTS =
      List.of("guid", "MessageId", "orderNo", "logisticsNo", "payTransactionId", "copNo", "invtNo");

  static byte[] sample(String name) {
    try (InputStream in = IngestEveryDocumentTest.class.getResourceAsStream("/ceb/" + name)) {
      assertNotNull(in, "sample " + name + " (the model's test jar)");
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Charset charsetOf(String name) {
    return name.endsWith("-gbk.xml") ? GBK : StandardCharsets.UTF_8;
  }

  /** The sample as text, every identifier suffixed with {@code -tag}. */
  static String text(String name, String tag) {
    String xml = new String(sample(name), charsetOf(name));
    xml = xml.replaceFirst("guid=\"([^\"]+)\"", "guid=\"$1-" + tag + "\"");
    for (String element : TAGGED_ELEMENTS) {
      xml =
          xml.replaceAll(
              "(<(?:ceb:)?" + element + ">)([^<]+)(</(?:ceb:)?" + element + ">)",
              "$1$2-" + Matcher.quoteReplacement(tag) + "$3");
    }
    return xml;
  }

  /** The sample, suffixed, in its own encoding. */
  static byte[] tagged(String name, String tag) {
    return text(name, tag).getBytes(charsetOf(name));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A UTF-8 sample re-encoded and declared as GBK. */
  static byte[] gbk(String xml) {
    assertTrue(GBK.newEncoder().canEncode(xml), "the sample fits GBK");
    return xml.replaceFirst("encoding=\"UTF-8\"", "encoding=\"GBK\"").getBytes(GBK);
  }

  /**
   * The MessageHead variant: the root's guid moves to MessageHead/MessageId, the BaseTransfer is
   * replaced by the head's sender.
   */
  static String withMessageHead(String xml, String messageType, String senderId, String name) {
    Matcher guid = Pattern.compile(" guid=\"([^\"]+)\"").matcher(xml);
    assertTrue(guid.find());
    boolean prefixed = xml.contains("<ceb:");
    String p = prefixed ? "ceb:" : "";
    String head =
        Stream.of(
                el(p, "MessageId", guid.group(1)),
                el(p, "MessageType", messageType),
                el(p, "SenderID", senderId),
                el(p, "SenderName", name),
                el(p, "ReceiverID", "EPORT"),
                el(p, "SendTime", "20261122120000"),
                el(p, "Version", "1.0"))
            .collect(Collectors.joining("", "<" + p + "MessageHead>", "</" + p + "MessageHead>"));
    String out = xml.replaceFirst(" guid=\"[^\"]+\"", "");
    out = out.replaceAll("(?s)\\s*<(ceb:)?BaseTransfer>.*</(ceb:)?BaseTransfer>", "");
    out = out.replaceFirst("(<(?:ceb:)?CEB\\d{3}Message[^>]*>)", "$1\n  " + head);
    assertFalse(out.contains("BaseTransfer"));
    return out;
  }

  /** The message in a {@code <Message><MessageHead/><MessageBody/></Message>} envelope. */
  static String inEnvelope(String xml, String messageType) {
    Matcher guid = Pattern.compile(" guid=\"([^\"]+)\"").matcher(xml);
    assertTrue(guid.find());
    String inner =
        xml.replaceFirst("<\\?xml[^>]*\\?>\\s*", "").replaceFirst(" guid=\"[^\"]+\"", "");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<Message xmlns=\"http://www.chinaport.gov.cn/ceb\">\n"
        + "<MessageHead><MessageId>"
        + guid.group(1)
        + "</MessageId><MessageType>"
        + messageType
        + "</MessageType><SenderId>EPORT</SenderId><SenderName>电子口岸</SenderName>"
        + "<ReceiverId>4403960001</ReceiverId><SendTime>20261122103100</SendTime>"
        + "<FunctionCode>RECEIPT</FunctionCode><Version>1.0</Version></MessageHead>\n"
        + "<MessageBody>\n"
        + inner
        + "\n</MessageBody>\n</Message>\n";
  }

  static String el(String prefix, String name, String text) {
    return "<" + prefix + name + ">" + text + "</" + prefix + name + ">";
  }

  /** The records of a suffixed sample in the JSON form (text values, as the codec reads them). */
  static List<ObjectNode> jsonRecords(String name, String tag) {
    return new CebMessageReader().read(tagged(name, tag)).records();
  }

  static final Set<String> DECIMALS =
      Set.of(
          "goodsValue",
          "freight",
          "discount",
          "taxTotal",
          "acturalPaid",
          "amountPaid",
          "insuredFee",
          "weight",
          "grossWeight",
          "netWeight",
          "qty",
          "qty1",
          "price",
          "totalPrice");
  static final Set<String> WHOLE = Set.of("appType", "appStatus", "packNo", "gnum");

  /** The records with amounts as JSON numbers (exact decimals) and counts as JSON integers. */
  static List<ObjectNode> typed(List<ObjectNode> records) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode r : records) {
      ObjectNode copy = r.deepCopy();
      numbers(copy);
      if (copy.has("items")) copy.get("items").forEach(i -> numbers((ObjectNode) i));
      out.add(copy);
    }
    return out;
  }

  private static void numbers(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (DECIMALS.contains(name)) node.put(name, new BigDecimal(node.get(name).asText()));
      if (WHOLE.contains(name)) node.put(name, Integer.parseInt(node.get(name).asText()));
    }
  }

  @SafeVarargs
  static byte[] arrayOf(List<ObjectNode>... parts) throws Exception {
    ArrayNode array = Json.mapper().createArrayNode();
    for (List<ObjectNode> part : parts) part.forEach(array::add);
    return Json.mapper().writeValueAsBytes(array);
  }

  @SafeVarargs
  static byte[] ndjson(List<ObjectNode>... parts) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (List<ObjectNode> part : parts) {
      for (ObjectNode r : part) sb.append(Json.mapper().writeValueAsString(r)).append('\n');
    }
    return utf8(sb.toString());
  }

  static String sha256(byte[] body) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
  }
}
