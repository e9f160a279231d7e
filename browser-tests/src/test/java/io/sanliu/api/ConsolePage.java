package io.sanliu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.testkit.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The risk console as the browser tests drive it: signing in, setting fields, reading attributes
 * and texts in one script call (the console redraws parts of the page on every answer, so an
 * element found first and read after may be gone).
 */
final class ConsolePage {
  static final Duration WAIT = HeadlessChromium.WAIT;

  private final HeadlessChromium chromium;
  private final ApiFixture api;

  ConsolePage(HeadlessChromium chromium, ApiFixture api) {
    this.chromium = chromium;
    this.api = api;
  }

  String attribute(String css, String name) {
    return (String)
        chromium.script(
            "const e = document.querySelector(arguments[0]); return e && e.getAttribute(arguments[1]);",
            css,
            name);
  }

  /** The element's text with white space collapsed, or null when there is none. */
  String text(String css) {
    return (String)
        chromium.script(
            "const e = document.querySelector(arguments[0]);"
                + " return e && e.innerText.replace(/\\s+/g, ' ').trim();",
            css);
  }

  void value(String id, String value) {
    chromium.script(
        "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
            + " e.dispatchEvent(new Event('change'));",
        id,
        value);
  }

  /** Development mode: the sign-in form's role button. */
  void signInAs(String role) {
    // Signed out first: one browser keeps one identity (the wall screen's viewer token too).
    chromium.open(api.uri("/console.html").toString());
    chromium.script("localStorage.removeItem('sanliu.token');");
    chromium.open(api.uri("/console.html").toString());
    Eventually.await(
        () -> chromium.find("[data-dev-role='" + role + "']"),
        e -> e.isDisplayed(),
        WAIT,
        "the sign-in form");
    chromium.find("[data-dev-role='" + role + "']").click();
    Eventually.await(
        () -> attribute("#who", "data-role"), role::equals, WAIT, "signed in as " + role);
    awaitReady();
  }

  /** Signs out (from any console page) and in again with a pasted token. */
  void signInWithToken(String token, String role) {
    chromium.find("#sign-out").click();
    Eventually.await(
        () -> chromium.find("#token-input"), e -> e.isDisplayed(), WAIT, "the sign-in form");
    chromium.find("#token-input").sendKeys(token);
    chromium.find("#login-token button[type='submit']").click();
    Eventually.await(() -> attribute("#who", "data-role"), role::equals, WAIT, "a " + role);
    awaitReady();
  }

  /** The page's controls wired (before that, a click on a filter would submit the form itself). */
  void awaitReady() {
    Eventually.await(
        () -> attribute("body", "data-ready"), "true"::equals, WAIT, "the console ready");
  }

  /** The alert filters: one enterprise (or all) between two local times, applied. */
  void filter(String enterprise, String from, String to) {
    value("f-enterprise", enterprise);
    value("f-from", from);
    value("f-to", to);
    chromium.find("#apply").click();
  }

  @SuppressWarnings("unchecked")
  List<String> rowIds() {
    return (List<String>)
        chromium.script(
            "return [...document.querySelectorAll('#alerts tbody tr[data-alert-id]')]"
                + ".map(r => r.dataset.alertId);");
  }

  void noConsoleErrors() {
    assertEquals(List.of(), chromium.consoleErrors());
  }

  static void bulk(ElasticsearchClient es, String index, Map<String, ? extends JsonNode> docs)
      throws Exception {
    var r =
        es.bulk(
            b -> {
              docs.forEach(
                  (id, doc) ->
                      b.operations(op -> op.index(i -> i.index(index).id(id).document(doc))));
              return b.refresh(Refresh.WaitFor);
            });
    if (r.errors()) throw new IllegalStateException("bulk into " + index + " refused: " + r);
  }
}
