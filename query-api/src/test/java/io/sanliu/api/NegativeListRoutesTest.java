package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.kafka.Topics;
import io.sanliu.model.simulation.NegativeListEntry;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.sanliu.testkit.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The negative-list routes on the real stack: entries listed and taken off by administrators, read
 * back from the topic the jobs read, with their audit trail; what other roles may do and see.
 */
@ExtendWith(SanliuStackExtension.class)
class NegativeListRoutesTest {
  static ApiFixture api;
  static SanliuStack stack;
  static final String RUN = "NL37" + System.nanoTime() % 1_000_000;

  @BeforeAll
  static void start(SanliuStack s) {
    stack = s;
    api = ApiFixture.start(stack);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** Posts an entry as an administrator; it must be created. */
  static HttpResponse<String> listed(String body) {
    HttpResponse<String> created = api.post("/api/v1/negative-list", Role.ADMIN, body);
    assertEquals(201, created.statusCode(), created.body());
    return created;
  }

  static Set<String> fields(JsonNode node) {
    return CreditRoutesTest.fields(node);
  }

  @Test
  void anAdministratorListsAnEnterpriseItReachesTheTopicAndTheAuditTrail() {
    String enterprise = RUN + "-NL";
    HttpResponse<String> created =
        listed(
            "{\"subject\":\"ENTERPRISE\",\"enterpriseCode\":\""
                + enterprise
                + "\",\"reason\":\"确认虚假贸易\"}");
    JsonNode entry = json(created);
    String id = entry.get("entryId").asText();
    assertEquals(
        "/api/v1/negative-list/" + id, created.headers().firstValue("Location").orElse(""));

    NegativeListEntry onTopic;
    try (TopicProbe<NegativeListEntry> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.NEGATIVE_LIST)) {
      onTopic = probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).get(0).value();
    }
    assertEquals(NegativeListEntry.Subject.ENTERPRISE, onTopic.subject());
    assertEquals(enterprise, onTopic.enterpriseCode());
    assertEquals("确认虚假贸易", onTopic.reason());
    assertEquals("test-admin", onTopic.listedBy());
    assertTrue(onTopic.covers(enterprise, null, null));

    JsonNode read = json(api.get("/api/v1/negative-list/" + id, Role.RISK_OFFICER));
    JsonNode audit = read.get("audit");
    assertEquals(1, audit.size());
    assertEquals("LISTED", audit.get(0).get("action").asText());
    assertEquals("test-admin", audit.get(0).get("by").asText());
    assertEquals("admin", audit.get(0).get("role").asText());
    assertEquals("确认虚假贸易", audit.get(0).get("reason").asText());
    assertEquals(onTopic.listedAt(), Instant.parse(audit.get(0).get("at").asText()));

    JsonNode full =
        json(api.get("/api/v1/negative-list?enterpriseCode=" + enterprise, Role.RISK_OFFICER));
    assertEquals(1, full.get("entries").size());
    assertEquals("确认虚假贸易", full.at("/entries/0/reason").asText());
    JsonNode open =
        json(api.get("/api/v1/negative-list?enterpriseCode=" + enterprise, Role.VIEWER));
    assertEquals("public", open.get("view").asText());
    assertEquals(Set.of("enterpriseCode", "since"), fields(open.at("/entries/0")));
    assertEquals(onTopic.listedAt(), Instant.parse(open.at("/entries/0/since").asText()));
  }

  @Test
  void anAdministratorTakesAnEntryOffAuditedAndPublishedAgainWithItsRemoval() {
    String enterprise = RUN + "-NLR";
    HttpResponse<String> created =
        listed(
            "{\"subject\":\"ENTERPRISE\",\"enterpriseCode\":\""
                + enterprise
                + "\",\"reason\":\"走私\"}");
    String id = json(created).get("entryId").asText();
    String path = "/api/v1/negative-list/" + id + "/removal";

    JsonNode noReason = problem(api.post(path, Role.ADMIN, "{}"), 400);
    assertEquals("reason", noReason.at("/invalidParams/0").asText());
    problem(api.post(path, Role.ADMIN, "{\"reason\":\"r\",\"when\":\"now\"}"), 400);
    problem(api.post(path, Role.RISK_OFFICER, "{\"reason\":\"r\"}"), 403);
    problem(
        api.post(
            "/api/v1/negative-list/" + RUN + "-none/removal", Role.ADMIN, "{\"reason\":\"r\"}"),
        404);

    HttpResponse<String> off = api.post(path, Role.ADMIN, "{\"reason\":\"整改完成\"}");
    assertEquals(200, off.statusCode(), off.body());
    JsonNode removed = json(off);
    assertEquals("整改完成", removed.get("removalReason").asText());
    assertEquals("走私", removed.get("reason").asText(), "why it was listed stays");
    assertEquals("test-admin", removed.get("removedBy").asText());
    List<String> actions = new ArrayList<>();
    removed.get("audit").forEach(a -> actions.add(a.get("action").asText()));
    assertEquals(List.of("LISTED", "REMOVED"), actions);

    NegativeListEntry onTopic;
    try (TopicProbe<NegativeListEntry> probe =
        new TopicProbe<>(stack.kafkaBootstrap(), Topics.NEGATIVE_LIST)) {
      onTopic =
          probe
              .await(r -> id.equals(r.key()) && r.value().isRemoved(), 1, Duration.ofSeconds(20))
              .get(0)
              .value();
    }
    assertEquals(Instant.parse(removed.get("removedAt").asText()), onTopic.removedAt());
    assertFalse(onTopic.inForceAt(onTopic.removedAt()));

    String list = "/api/v1/negative-list?enterpriseCode=" + enterprise;
    assertEquals(0, json(api.get(list, Role.RISK_OFFICER)).get("entries").size(), "in force only");
    assertEquals(0, json(api.get(list, Role.VIEWER)).get("entries").size());
    JsonNode all = json(api.get(list + "&removed=true", Role.RISK_OFFICER));
    assertEquals(id, all.at("/entries/0/entryId").asText());
    assertEquals(
        0,
        json(api.get(list + "&removed=true", Role.VIEWER)).get("entries").size(),
        "the public view never shows removed entries");
    problem(api.get(list + "&removed=maybe", Role.ADMIN), 400);
    problem(api.post(path, Role.ADMIN, "{\"reason\":\"again\"}"), 409);
  }

  @Test
  void aGoodsEntryNamesItsItemAndThePublicViewLeavesItOut() {
    String enterprise = RUN + "-NLG";
    HttpResponse<String> created =
        listed(
            "{\"subject\":\"GOODS\",\"enterpriseCode\":\""
                + enterprise
                + "\",\"itemNo\":\"SKU-37\",\"reason\":\"假冒商品\"}");
    JsonNode entry = json(created);
    assertEquals("SKU-37", entry.get("itemNo").asText());
    assertEquals(Topics.NEGATIVE_LIST.name(), entry.at("/published/topic").asText());
    JsonNode open =
        json(api.get("/api/v1/negative-list?enterpriseCode=" + enterprise, Role.VIEWER));
    assertEquals(0, open.get("entries").size());
    JsonNode full = json(api.get("/api/v1/negative-list?enterpriseCode=" + enterprise, Role.ADMIN));
    assertEquals("GOODS", full.at("/entries/0/subject").asText());
  }

  @Test
  void onlyAdministratorsListAndOnlyReviewersReadAnEntry() {
    String body = "{\"subject\":\"ENTERPRISE\",\"enterpriseCode\":\"X\",\"reason\":\"r\"}";
    problem(api.post("/api/v1/negative-list", Role.RISK_OFFICER, body), 403);
    problem(api.post("/api/v1/negative-list", Role.ANALYST, body), 403);
    problem(api.post("/api/v1/negative-list", Role.VIEWER, body), 403);
    problem(api.post("/api/v1/negative-list", null, body), 401);
    problem(api.get("/api/v1/negative-list/any", Role.VIEWER), 403);
    problem(api.get("/api/v1/negative-list/any", Role.ANALYST), 403);
    problem(api.get("/api/v1/negative-list/" + RUN + "-none", Role.ADMIN), 404);
    problem(api.get("/api/v1/negative-list", null), 401);
  }

  @Test
  void aBadBodyIsA400NamingTheField() {
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("{\"enterpriseCode\":\"X\",\"reason\":\"r\"}", List.of("subject"));
    cases.put(
        "{\"subject\":\"PERSON\",\"enterpriseCode\":\"X\",\"reason\":\"r\"}", List.of("subject"));
    cases.put("{\"subject\":\"ENTERPRISE\",\"reason\":\"r\"}", List.of("enterpriseCode"));
    cases.put("{\"subject\":\"ENTERPRISE\",\"enterpriseCode\":\"X\"}", List.of("reason"));
    cases.put(
        "{\"subject\":\"ENTERPRISE\",\"enterpriseCode\":\"X\",\"reason\":\"  \"}",
        List.of("reason"));
    cases.put(
        "{\"subject\":\"ENTERPRISE\",\"enterpriseCode\":7,\"reason\":\"r\"}",
        List.of("enterpriseCode"));
    cases.put(
        "{\"subject\":\"GOODS\",\"enterpriseCode\":\"X\",\"reason\":\"r\"}",
        List.of("itemRecordNo", "itemNo"));
    cases.put("{\"subject\":\"COUNTRY\",\"reason\":\"r\"}", List.of("country"));
    cases.put(
        "{\"subject\":\"ENTERPRISE\",\"enterpriseCode\":\"X\",\"reason\":\"r\",\"by\":\"me\"}",
        List.of("by"));
    Consumer<Map.Entry<String, List<String>>> check =
        c -> {
          JsonNode p = problem(api.post("/api/v1/negative-list", Role.ADMIN, c.getKey()), 400);
          List<String> named = new ArrayList<>();
          p.get("invalidParams").forEach(n -> named.add(n.asText()));
          assertEquals(c.getValue(), named, c.getKey());
          assertTrue(p.get("detail").asText().contains(c.getValue().get(0)), p.toString());
        };
    cases.entrySet().forEach(check);
    problem(api.post("/api/v1/negative-list", Role.ADMIN, "[]"), 400);
  }
}
