package io.sanliu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.api.ScreenData.Fact;
import io.sanliu.api.auth.Role;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.EventType;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.risk.RuleType;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The wall screen in Debian's headless Chromium ({@link HeadlessChromium}) against the query-api on
 * the real stack: trade statistics of the last 26 hours, a composite index, stage statistics,
 * stalled parcels and alerts written to Elasticsearch through the platform's templates, a new alert
 * published on the alerts topic as the risk engine does. Screenshots go to target/screenshots/.
 */
@ExtendWith(SanliuStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WallScreenBrowserTest {
  static final Duration WAIT = HeadlessChromium.WAIT;
  static final List<String> PANELS =
      List.of(
          "kpis",
          "panel-modes",
          "panel-chapters",
          "panel-enterprises",
          "panel-map",
          "panel-index",
          "panel-timeliness",
          "panel-stalled",
          "panel-rules",
          "panel-credit",
          "panel-ticker");

  static ApiFixture api;
  static HeadlessChromium chromium;
  static ChromeDriver browser;
  static KafkaProducer<byte[], byte[]> producer;
  static List<Fact> facts;
  static Instant seededAt;

  @BeforeAll
  static void start(SanliuStack stack) throws Exception {
    stack.config(); // Elasticsearch with the templates
    seededAt = Instant.now();
    Instant lastMinute = seededAt.truncatedTo(ChronoUnit.MINUTES);
    // Closed windows only: the newest fact two minutes before now, the oldest a day and more back
    // so that "today" and "yesterday" both have trade.
    facts =
        ScreenData.facts(
            8_2041, 1_500, lastMinute.minus(Duration.ofHours(26)), lastMinute.minusSeconds(120));
    var es = stack.elastic().blocking();
    ScreenData.index(es, Indices.TRADE_STATS, ScreenData.statsDocuments(facts));
    ScreenData.index(es, Indices.COMPOSITE_INDEX, compositeMinutes(lastMinute));
    ScreenData.index(es, Indices.LOGISTICS_STAGES, ScreenRoutesTest.stages());
    ScreenData.index(es, Indices.SHIPMENTS, stalledParcels(lastMinute));
    List<RiskAlert> alerts = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      alerts.add(
          TestAlerts.simple(
              "wall-seeded-" + i,
              i < 4 ? "single-limit" : "annual-limit",
              i % 2 == 0 ? Severity.HIGH : Severity.MEDIUM,
              "44039600" + String.format("%02d", i),
              seededAt.minus(Duration.ofMinutes(10L * (i + 1)))));
    }
    TestAlerts.index(es, alerts);
    // Credit profiles of February 2028 (the credit browser test has its own, of 2029).
    CreditSeed credit = new CreditSeed(Instant.parse("2028-02-01T00:00:00Z"));
    credit
        .account(
            "WALL28-E1", Participant.ENTERPRISE, credit.good("WALL28-E1", Participant.ENTERPRISE))
        .account(
            "WALL28-E2",
            Participant.ENTERPRISE,
            credit.alerted(
                credit.good("WALL28-E2", Participant.ENTERPRISE),
                "WALL28-E2",
                Severity.CRITICAL,
                2,
                20))
        .index(es);
    api = ApiFixture.start(stack, Map.of(ConfigKey.API_SSE_HEARTBEAT, "PT1S"));
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
    producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());

    chromium = new HeadlessChromium(1920, 1080);
    browser = chromium.driver;
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (producer != null) producer.close();
    if (api != null) api.close();
  }

  /** Three hours of minutes up to now; minute i reads 100 + i/10. */
  static Map<String, Map<String, Object>> compositeMinutes(Instant lastMinute) {
    Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
    Instant first = lastMinute.minus(Duration.ofHours(3));
    for (int i = 0; i < 180; i++) {
      Instant start = first.plusSeconds(60L * i);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("minuteStart", start.toString());
      d.put("minuteEnd", start.plusSeconds(60).toString());
      d.put("composite", 100 + i / 10.0);
      d.put(
          "subIndices",
          Map.of(
              "volume",
              Map.of("index", 100.0 + i, "level", i * 2.0, "sample", (long) i, "base", 50.0)));
      docs.put(start.toString(), d);
    }
    return docs;
  }

  /** Five parcels stalled for 1 to 5 hours. */
  static Map<String, Map<String, Object>> stalledParcels(Instant now) {
    Map<String, Map<String, Object>> docs = new LinkedHashMap<>();
    for (int i = 1; i <= 5; i++) {
      String no = String.format("LPWALL%04d", i);
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("waybillKey", "WALL:" + no);
      d.put("logisticsCode", "WALL");
      d.put("logisticsNo", no);
      d.put("orderNo", "SOWALL" + i);
      d.put("ebpCode", "4403960001");
      d.put("tradeMode", "9610");
      d.put("direction", "I");
      d.put("partnerCountry", "116");
      d.put("route", "116>ZONE");
      d.put("transportMode", "AIR");
      d.put("state", "DEPARTED");
      d.put("stateZh", "已发运");
      d.put("stateSince", now.minus(Duration.ofHours(i + 12)).toString());
      d.put("ended", false);
      d.put("stalled", true);
      d.put("stalledSince", now.minus(Duration.ofHours(i)).toString());
      d.put("stallLimitMinutes", 720.0);
      d.put("updatedAt", now.toString());
      docs.put("WALL:" + no, d);
    }
    return docs;
  }

  static String filled(String id) {
    return browser.findElement(By.id(id)).getDomAttribute("data-filled");
  }

  /**
   * An element's {@code data-value}, read in one script call: the headline cards are redrawn on
   * every tick, so an element found first and read after may already be gone.
   */
  static String dataValue(String id) {
    return (String)
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "const e = document.getElementById(arguments[0]); return e && e.dataset.value;",
                id);
  }

  /**
   * The element's text, found and read in one script: the screen re-renders panels on every push (a
   * KPI tick rebuilds the cards), so an element found first and read after may be gone.
   */
  static String text(String css) {
    return (String)
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "const e = document.querySelector(arguments[0]);"
                    + " return e && e.innerText.replace(/\\s+/g, ' ').trim();",
                css);
  }

  static void screenshot(String name) throws Exception {
    chromium.screenshot(name);
  }

  @Test
  @Order(1)
  void theWallScreenRendersEveryPanelWithTheSeededData() throws Exception {
    long t0 = System.nanoTime();
    browser.get(api.uri("/#token=" + api.token(Role.VIEWER)).toString());
    Eventually.await(
        () -> PANELS.stream().filter(id -> !"true".equals(filled(id))).toList(),
        List::isEmpty,
        WAIT,
        "every panel showing data");
    long firstRenderMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("wall screen: every panel with data %d ms after navigation%n", firstRenderMs);

    // The headline figures are today's customs trade: the facts since the zone's midnight.
    Instant midnight = ScreenData.windowStart("1d", seededAt);
    List<Fact> today =
        ScreenData.where(facts, ScreenData.in("CUSTOMS", midnight, seededAt.plusSeconds(3600)));
    long orders = today.size();
    double imports =
        ScreenData.sum(ScreenData.where(today, f -> f.direction().equals("I")), Fact::valueCents)
            / 100.0;
    assertEquals(orders, Long.parseLong(dataValue("kpi-orders")));
    assertEquals(imports, Double.parseDouble(dataValue("kpi-importValue")), 1e-6);
    assertEquals("6", dataValue("kpi-liveAlerts"), "the six seeded alerts of the last 24 hours");
    assertEquals("live", browser.findElement(By.id("status")).getDomAttribute("data-state"));
    assertEquals(5, browser.findElements(By.cssSelector("#stalled li")).size());
    assertTrue(text("#panel-stalled h2").contains("共 5 件"), text("#panel-stalled h2"));
    assertTrue(text("#kpi-orders .label").contains("今日订单"));
    screenshot("wall-screen-zh.png");
  }

  @Test
  @Order(2)
  void aNewAlertAppearsInTheTickerWithoutAReload() throws Exception {
    JavascriptExecutor js = browser;
    js.executeScript("window.sanliuSamePage = true;"); // gone if the page reloads
    RiskAlert alert =
        TestAlerts.alert(
            "wall-live-1",
            "payer-not-buyer",
            RuleType.PAYER_NOT_BUYER,
            Severity.CRITICAL,
            90,
            false,
            "4403960099",
            Instant.now(),
            Map.of("amountPaid", "88.00"),
            "支付人与订购人不一致",
            "payer is not the buyer");
    Envelope<RiskAlert> envelope =
        Envelope.of(EventType.RISK_ALERT, "risk-engine", "guid-wall-live-1", Instant.now(), alert);
    producer
        .send(
            new ProducerRecord<>(
                Topics.ALERTS.name(),
                alert.alertId().getBytes(StandardCharsets.UTF_8),
                Topics.ALERTS.serialize(envelope)))
        .get();
    String item =
        Eventually.await(
            () ->
                browser
                    .findElements(By.cssSelector("#ticker li[data-alert-id='wall-live-1']"))
                    .stream()
                    .map(e -> e.getText())
                    .findFirst()
                    .orElse(""),
            t -> !t.isEmpty(),
            WAIT,
            "the new alert in the ticker");
    assertTrue(item.contains("支付人与订购人不一致"), item);
    assertEquals(Boolean.TRUE, js.executeScript("return window.sanliuSamePage === true;"));
    // First in the ticker: the newest.
    assertEquals(
        "wall-live-1",
        js.executeScript("return document.querySelector('#ticker li').dataset.alertId;"));
  }

  @Test
  @Order(3)
  void theLanguageSwitchesToEnglishAndBack() throws Exception {
    browser.findElement(By.id("lang")).click();
    try {
      assertEquals("Orders today", text("#kpi-orders .label"));
      assertEquals("Sanliu · Cross-border E-commerce Zone Live Screen", text("h1"));
      assertEquals("Top goods categories (HS chapters, today)", text("#panel-chapters h2"));
      assertTrue(text("#panel-stalled h2").contains("5 in all"));
      assertTrue(
          text("#ticker li[data-alert-id='wall-live-1']").contains("payer is not the buyer"));
      assertEquals("en", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
      screenshot("wall-screen-en.png");
    } finally {
      // Back to Chinese whatever happened: the next tests read the Chinese screen.
      browser.findElement(By.id("lang")).click();
    }
    assertEquals("今日订单", text("#kpi-orders .label"));
    assertEquals("EN", text("#lang"));
  }

  @Test
  @Order(4)
  void theBrowserConsoleHasNoErrors() {
    assertEquals(List.of(), chromium.consoleErrors());
  }

  @Test
  @Order(5)
  void whenTheApiIsGoneTheScreenSaysSoAndShowsTheDataAge() throws Exception {
    api.close();
    api = null;
    String status =
        Eventually.await(
                () -> browser.findElement(By.id("status")),
                e -> "down".equals(e.getDomAttribute("data-state")),
                WAIT,
                "the status saying the API is unreachable")
            .getText();
    assertTrue(status.startsWith("接口不可用 · 最后数据 "), status);
    assertTrue(status.matches(".*（\\d+ 秒前）"), status);
    assertEquals("true", filled("panel-map"), "the last data stays on the screen");
    screenshot("wall-screen-api-down.png");
  }
}
