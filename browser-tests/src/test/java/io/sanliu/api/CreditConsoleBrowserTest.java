package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.CreditSeed.Downgrade;
import io.sanliu.api.auth.Role;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.model.credit.Contribution;
import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.CreditProfile;
import io.sanliu.model.credit.Grade;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.events.Severity;
import io.sanliu.testkit.Eventually;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The credit screens in headless Chromium against the query-api on the real stack (development
 * tokens on): credit profiles and their history of April 2029 written into {@code sanliu-credit}
 * and {@code sanliu-credit-history} as the credit job writes them ({@link CreditSeed}), and one
 * alert of May 2018 naming a fallen enterprise. The wall screen's credit panel counts the
 * enterprises per grade and lists the latest downgrades; in the console a risk officer follows the
 * alert to the enterprise's credit (contributions, cause, history), a viewer gets the public view,
 * and an administrator lists an entry on the negative list after a refused attempt.
 */
@ExtendWith(SanliuStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreditConsoleBrowserTest {
  static final Duration WAIT = HeadlessChromium.WAIT;
  static final Instant T0 = Instant.parse("2029-04-01T00:00:00Z");
  static final String GOOD = "CR29-GOOD";
  static final String FALLEN = "CR29-FALLEN";
  static final String SLIPPED = "CR29-SLIP";
  static final String MIXED = "CR29-MIX";
  static final String NEWBIE = "CR29-NEW";
  static final String PLATFORM = "CR29-PLAT";
  static final String ALERT = "cr29-alert";
  static final int PANEL_ROWS = 4; // the downgrades the panel has room for (wall.js)

  static ApiFixture api;
  static HeadlessChromium chromium;
  static ConsolePage page;
  static final CreditSeed seed = new CreditSeed(T0);
  static Map<Grade, Long> before;
  static List<Downgrade> downgradesBefore = new ArrayList<>();

  @BeforeAll
  static void start(SanliuStack stack) throws Exception {
    api = ApiFixture.start(stack, Map.of(ConfigKey.API_DEV_TOKENS, "true"));
    // What other tests of this JVM wrote stays on the screen: the expectations add to it.
    JsonNode was =
        json(api.get("/api/v1/credit/grades?participant=ENTERPRISE&downgrades=100", Role.ADMIN));
    before = new EnumMap<>(Grade.class);
    for (JsonNode g : was.get("grades")) {
      before.put(Grade.valueOf(g.get("grade").asText()), g.get("count").asLong());
    }
    for (JsonNode d : was.get("downgrades")) {
      downgradesBefore.add(
          new Downgrade(
              d.get("code").asText(),
              Grade.valueOf(d.get("from").asText()),
              Grade.valueOf(d.get("to").asText()),
              Instant.parse(d.get("at").asText())));
    }
    List<CreditFact> good = seed.good(FALLEN, Participant.ENTERPRISE);
    // A to C by a critical alert, then to D when listed: two downgrades ten days apart.
    List<CreditFact> fallen =
        seed.listed(seed.alerted(good, FALLEN, Severity.CRITICAL, 1, 20), FALLEN, 30);
    seed.account(GOOD, Participant.ENTERPRISE, seed.good(GOOD, Participant.ENTERPRISE))
        .account(FALLEN, Participant.ENTERPRISE, fallen)
        .account(
            SLIPPED,
            Participant.ENTERPRISE,
            seed.alerted(
                seed.good(SLIPPED, Participant.ENTERPRISE), SLIPPED, Severity.MEDIUM, 2, 22))
        .account(MIXED, Participant.ENTERPRISE, seed.mismatching(MIXED, 40, 12))
        .account(
            NEWBIE,
            Participant.ENTERPRISE,
            seed.alerted(seed.mismatching(NEWBIE, 1, 0), NEWBIE, Severity.HIGH, 1, 25))
        .account(PLATFORM, Participant.PLATFORM, seed.good(PLATFORM, Participant.PLATFORM));
    var es = stack.elastic().blocking();
    seed.index(es);
    TestAlerts.index(
        es,
        List.of(
            TestAlerts.simple(
                ALERT,
                "single-limit",
                Severity.HIGH,
                FALLEN,
                Instant.parse("2018-05-10T02:00:00Z"))));
    chromium = new HeadlessChromium(1920, 1080);
    page = new ConsolePage(chromium, api);
  }

  @AfterAll
  static void stop() {
    if (chromium != null) chromium.close();
    if (api != null) api.close();
  }

  // ---------------------------------------------------------------- the wall screen's panel

  @Test
  @Order(1)
  void theWallScreenCountsEnterprisesPerGradeAndListsTheLatestDowngrades() throws Exception {
    Map<Grade, Long> seeded = seed.grades(Participant.ENTERPRISE);
    assertTrue(seeded.values().stream().filter(n -> n > 0).count() >= 3, "seeded: " + seeded);
    String expectedCounts =
        seeded.keySet().stream()
            .map(g -> g + ":" + (before.getOrDefault(g, 0L) + seeded.get(g)))
            .collect(Collectors.joining(","));
    long total =
        seeded.values().stream().mapToLong(n -> n).sum()
            + before.values().stream().mapToLong(n -> n).sum();
    List<Downgrade> all = new ArrayList<>(downgradesBefore);
    all.addAll(seed.downgrades(Participant.ENTERPRISE));
    all.sort(Downgrade.NEWEST_FIRST);
    List<String> expectedRows =
        all.stream().limit(PANEL_ROWS).map(d -> d.code() + " " + d.from() + "→" + d.to()).toList();
    assertTrue(
        seed.downgrades(Participant.ENTERPRISE).size() >= PANEL_ROWS, "seeded downgrades: " + all);

    chromium.open(api.uri("/#token=" + api.token(Role.VIEWER)).toString());
    // The bars' figures are SVG text: each grade's label paired with the figure level with it.
    String counts =
        Eventually.await(
            () ->
                (String)
                    chromium.script(
                        "const ts = [...document.querySelectorAll('#chart-credit svg text')].map(t => {"
                            + " const r = t.getBoundingClientRect();"
                            + " return {s: t.textContent.trim(), y: r.top + r.height / 2}; });"
                            + " const labels = ts.filter(t => /^[ABCD] /.test(t.s));"
                            + " const nums = ts.filter(t => /^[0-9,]+$/.test(t.s));"
                            + " if (labels.length !== 4 || nums.length !== 4) return JSON.stringify(ts.map(t => t.s));"
                            + " return labels.map(l => l.s[0] + ':' + nums.reduce((b, n) =>"
                            + " Math.abs(n.y - l.y) < Math.abs(b.y - l.y) ? n : b).s.replace(/,/g, ''))"
                            + ".sort().join(',');"),
            expectedCounts::equals,
            WAIT,
            "the grade counts " + expectedCounts);
    assertEquals(expectedCounts, counts);
    @SuppressWarnings("unchecked")
    List<String> rows =
        (List<String>)
            chromium.script(
                "return [...document.querySelectorAll('#downgrades li[data-code]')].map(l =>"
                    + " l.dataset.code + ' ' + l.querySelector('.change-to').textContent.replace(/\\s+/g, ''));");
    assertEquals(expectedRows, rows);
    assertEquals("true", page.attribute("#panel-credit", "data-filled"));
    String title = page.text("#panel-credit h2");
    assertEquals("企业信用等级 · 共 " + total + " 家", title);
    // What a viewer gets of a downgrade: the code, the grades and when; no score or cause.
    @SuppressWarnings("unchecked")
    List<String> texts =
        (List<String>)
            chromium.script(
                "return [...document.querySelectorAll('#downgrades li[data-code]')]"
                    + ".map(l => l.innerText.replace(/\\s+/g, ' ').trim());");
    for (String t : texts) {
      assertTrue(t.matches("\\S+ [ABCD] → [ABCD] \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}"), t);
    }
    // 1920x1080 without overlaps: every panel inside the screen, none over another, and the
    // downgrades inside their panel.
    String overlaps =
        (String)
            chromium.script(
                "const els = [...document.querySelectorAll('header, #kpis, .panel, #panel-ticker')];"
                    + " const rs = els.map(e => [e.id || e.tagName, e.getBoundingClientRect()]);"
                    + " const bad = [];"
                    + " for (const [id, r] of rs) if (r.left < 0 || r.top < 0 || r.right > 1920"
                    + " || r.bottom > 1080) bad.push(id + ' off screen');"
                    + " rs.forEach(([a, r], i) => rs.slice(i + 1).forEach(([b, q]) => {"
                    + " if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1"
                    + " && q.top < r.bottom - 1) bad.push(a + ' over ' + b); }));"
                    + " const p = document.getElementById('panel-credit').getBoundingClientRect();"
                    + " document.querySelectorAll('#downgrades li').forEach(l => {"
                    + " if (l.getBoundingClientRect().bottom > p.bottom) bad.push('downgrade row cut'); });"
                    + " return bad.join('; ');");
    chromium.screenshot("wall-screen-credit.png");
    assertEquals("", overlaps);

    chromium.find("#lang").click();
    try {
      assertEquals("Enterprise credit · " + total + " in all", page.text("#panel-credit h2"));
      assertTrue(
          (Boolean)
              chromium.script(
                  "return [...document.querySelectorAll('#chart-credit svg text')]"
                      + ".some(t => t.textContent.trim() === 'A highly trusted');"));
    } finally {
      chromium.find("#lang").click(); // back to Chinese: the console reads the same setting
    }
    assertEquals(List.of(), chromium.consoleErrors());
  }

  // ---------------------------------------------------------------- the console's credit page

  @Test
  @Order(2)
  void aRiskOfficerFollowsAnAlertToTheEnterprisesCreditWithEveryContribution() throws Exception {
    page.signInAs("risk_officer");
    page.filter(FALLEN, "2018-05-01T00:00", "2018-06-01T00:00");
    Eventually.await(page::rowIds, List.of(ALERT)::equals, WAIT, "the enterprise's alert");
    // Clicked in the page: the list may be redrawn between finding the row and clicking it.
    chromium.script(
        "document.querySelector(\"#alerts tr[data-alert-id='\" + arguments[0] + \"']\").click();",
        ALERT);
    Eventually.await(
        () -> chromium.all("#credit-link").size(), n -> n == 1, WAIT, "the link to its credit");
    chromium.script("document.getElementById('credit-link').click();");
    Eventually.await(
        () -> page.attribute(".credit-head", "data-code"),
        FALLEN::equals,
        WAIT,
        "the enterprise's credit");
    assertTrue(
        (Boolean) chromium.script("return location.hash === '#credit/' + arguments[0];", FALLEN));

    CreditProfile p = seed.last(FALLEN);
    assertEquals("full", page.attribute(".credit-head", "data-view"));
    assertEquals(p.grade().name(), page.text(".credit-head .grade"));
    assertEquals(p.score(), number(page.text("#credit-score")), 0.05);
    assertEquals(p.cause().name(), page.attribute("#credit-cause", "data-cause"));
    assertTrue(
        page.text("#credit-facts")
            .contains(
                String.format(
                    java.util.Locale.ROOT, "%s%%", trim(p.inspectionRateSuggested() * 100))),
        page.text("#credit-facts"));
    // Every factor: its points and its explanation, as the job stored them.
    @SuppressWarnings("unchecked")
    List<List<String>> shown =
        (List<List<String>>)
            chromium.script(
                "return [...document.querySelectorAll('#credit-contributions tr[data-factor]')]"
                    + ".map(r => [r.dataset.factor, r.querySelector('.points').textContent,"
                    + " r.querySelector('.explanation').textContent]);");
    assertEquals(p.contributions().size(), shown.size(), shown.toString());
    for (int i = 0; i < shown.size(); i++) {
      Contribution c = p.contributions().get(i);
      List<String> row = shown.get(i);
      assertEquals(c.factor().name(), row.get(0));
      assertEquals(c.points(), number(row.get(1)), 0.05, c.factor().name());
      assertEquals(c.explanation().replaceAll("\\s+", " ").trim(), row.get(2).trim());
    }
    int revisions = seed.updates.get(FALLEN).size();
    assertEquals(
        String.valueOf(Math.min(50, revisions)), page.attribute("#credit-history", "data-points"));
    assertEquals("true", page.attribute("#credit-history", "data-drawn"));
    assertEquals(1, chromium.all("#credit-history canvas").size());
    assertEquals(
        String.valueOf(p.negativeListed()), page.attribute("#credit-listed", "data-listed"));
    assertTrue(!chromium.find("#negative-form").isDisplayed(), "no listing form for risk officers");
    chromium.screenshot("console-credit.png");
    page.noConsoleErrors();
  }

  @Test
  @Order(3)
  void aViewerGetsThePublicViewOnly() throws Exception {
    page.signInWithToken(api.token(Role.VIEWER), "viewer");
    chromium.open(api.uri("/console.html#credit/" + FALLEN).toString());
    Eventually.await(
        () -> page.attribute(".credit-head", "data-view"),
        "public"::equals,
        WAIT,
        "the public view");
    CreditProfile p = seed.last(FALLEN);
    assertEquals(p.grade().name(), page.text(".credit-head .grade"));
    assertTrue(chromium.find("#credit-public").isDisplayed());
    assertEquals(0, chromium.all("#credit-contributions").size(), "no contributions");
    assertEquals(0, chromium.all("#credit-score").size(), "no score");
    assertEquals(0, chromium.all("#credit-cause").size(), "no cause");
    assertEquals("0", page.attribute("#credit-history", "data-points"), "no history");
    assertTrue(!chromium.find("#negative-form").isDisplayed(), "no listing form for viewers");
    assertEquals(1, chromium.all("#credit-facts dt").size(), "the grade's date only");
    chromium.screenshot("console-credit-viewer.png");
    page.noConsoleErrors();
  }

  @Test
  @Order(4)
  void anAdministratorListsAnEntryAfterARefusalShowingItsProblem() throws Exception {
    chromium.find("#sign-out").click();
    page.signInAs("admin");
    chromium.open(api.uri("/console.html#credit/" + MIXED).toString());
    Eventually.await(
        () -> page.attribute(".credit-head", "data-code"), MIXED::equals, WAIT, "the credit");
    assertTrue(chromium.find("#negative-form").isDisplayed(), "the listing form for admins");
    assertEquals(MIXED, chromium.find("#nl-enterpriseCode").getDomProperty("value"));
    Eventually.await(
        () -> chromium.all("#negative-none").size(), n -> n == 1, WAIT, "no entries yet");

    // No reason: the API's 400, shown with its detail and the field it names.
    chromium.find("#negative-form button[type='submit']").click();
    Eventually.await(
        () -> chromium.all("#negative-problem").size(), n -> n == 1, WAIT, "the refusal shown");
    JsonNode problem =
        ApiFixture.problem(
            api.post(
                "/api/v1/negative-list",
                Role.ADMIN,
                "{\"subject\":\"ENTERPRISE\",\"enterpriseCode\":\"" + MIXED + "\"}"),
            400);
    String shown = page.text("#negative-problem");
    assertTrue(shown.contains("Bad Request (400)"), shown);
    assertTrue(shown.contains(problem.get("detail").asText()), shown + " should hold " + problem);
    assertEquals("reason", page.attribute("#negative-problem", "data-invalid"));
    chromium.screenshot("console-credit-refused.png");
    List<String> errors = chromium.consoleErrors();
    assertEquals(1, errors.size(), errors.toString()); // the browser's own line for the 400
    assertTrue(errors.get(0).contains("status of 400"), errors.get(0));

    String reason = "确认虚假贸易（浏览器测试 cr29）";
    chromium.find("#nl-reason").sendKeys(reason);
    chromium.find("#negative-form button[type='submit']").click();
    String entryId =
        Eventually.await(
            () -> page.attribute("#negative-listed", "data-entry-id"),
            id -> id != null,
            WAIT,
            "the entry listed");
    String row =
        Eventually.await(
            () -> page.text("#negative-entries tr[data-entry-id='" + entryId + "']"),
            t -> t != null,
            WAIT,
            "the new entry in the list");
    assertTrue(row.contains(reason) && row.contains("console-admin"), row);
    JsonNode stored = json(api.get("/api/v1/negative-list/" + entryId, Role.ADMIN));
    assertEquals(MIXED, stored.get("enterpriseCode").asText());
    assertEquals(reason, stored.get("reason").asText());
    assertEquals("console-admin", stored.get("listedBy").asText());
    assertEquals(1, stored.get("audit").size());
    assertEquals("console-admin", stored.get("audit").get(0).get("by").asText());
    chromium.screenshot("console-credit-listed.png");
    page.noConsoleErrors();
  }

  /** A figure as the page shows it ("+8.1", "−12.3", "75.0"). */
  static double number(String shown) {
    return Double.parseDouble(shown.trim().replace('−', '-').replace("+", ""));
  }

  /** The number as toLocaleString with at most two decimals shows it (no trailing zeros). */
  static String trim(double v) {
    return new java.math.BigDecimal(v)
        .setScale(2, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
