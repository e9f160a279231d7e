package io.sanliu.api;

import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.ApiTokens;
import io.sanliu.api.auth.Role;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bearer tokens and roles: who gets in, who may do what, and what they are told otherwise. */
@ExtendWith(SanliuStackExtension.class)
class AuthTest {
  static ApiFixture api;

  @BeforeAll
  static void start(SanliuStack stack) {
    api = ApiFixture.start(stack);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  HttpResponse<String> getWith(String path, String token) {
    return api.send(api.request(path, null).header("Authorization", "Bearer " + token).GET());
  }

  /** A token signed with {@code secret} carrying exactly {@code claims}. */
  String signed(String secret, JsonObject claims) {
    JWTAuth jwt =
        JWTAuth.create(
            api.vertx,
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
  }

  static JsonObject claims(String role) {
    return new JsonObject()
        .put("sub", "someone")
        .put("role", role)
        .put("iss", ApiTokens.ISSUER)
        .put("exp", Instant.now().plusSeconds(600).getEpochSecond());
  }

  @Test
  void aRequestWithoutATokenIsUnauthorizedWithABearerChallenge() {
    HttpResponse<String> r = api.get("/api/v1/alerts", null);
    JsonNode p = problem(r, 401);
    assertTrue(p.get("detail").asText().contains("Authorization: Bearer"), p::toString);
    assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
  }

  @Test
  void anExpiredTokenIsRefusedAndSaidToBeExpired() {
    String expired =
        api.issuer.issue("late", Role.ADMIN, Instant.now().minus(Duration.ofMinutes(5))).token();
    JsonNode p = problem(getWith("/api/v1/alerts", expired), 401);
    assertTrue(p.get("detail").asText().toLowerCase().contains("expired"), p::toString);
  }

  @Test
  void forgedMalformedAndForeignTokensAreRefused() {
    problem(getWith("/api/v1/alerts", "not-a-jwt"), 401);
    String otherSecret = signed("another-secret-another-secret-0123456789", claims("admin"));
    problem(getWith("/api/v1/alerts", otherSecret), 401);
    String otherIssuer = signed(ApiFixture.SECRET, claims("admin").put("iss", "elsewhere"));
    problem(getWith("/api/v1/alerts", otherIssuer), 401);
    JsonNode p = problem(getWith("/api/v1/alerts", signed(ApiFixture.SECRET, claims("root"))), 401);
    assertTrue(p.get("detail").asText().contains("role claim 'root'"), p::toString);
  }

  @Test
  void aTokenWithOurSecretIssuerAndARoleIsAccepted() {
    HttpResponse<String> r = getWith("/api/v1/rules", signed(ApiFixture.SECRET, claims("analyst")));
    assertEquals(200, r.statusCode(), r.body());
  }

  @Test
  void writesNeedARiskOfficerOrAnAdmin() {
    for (Role role : new Role[] {Role.VIEWER, Role.ANALYST}) {
      JsonNode p =
          problem(
              api.post(
                  "/api/v1/rules", role, "{\"ruleId\":\"auth-test\",\"type\":\"SINGLE_LIMIT\"}"),
              403);
      assertTrue(
          p.get("detail").asText().contains("role " + role.claim() + " may not create rules"),
          p::toString);
      problem(api.post("/api/v1/alerts/some-alert/acknowledge", role, "{}"), 403);
    }
    // A risk officer passes the role check and gets to the alert, which does not exist.
    problem(api.post("/api/v1/alerts/some-alert/acknowledge", Role.RISK_OFFICER, "{}"), 404);
    problem(api.post("/api/v1/alerts/some-alert/acknowledge", Role.ADMIN, "{}"), 404);
  }

  @Test
  void viewersReadScreensButNotRules() {
    assertEquals(200, api.get("/api/v1/alerts", Role.VIEWER).statusCode());
    assertEquals(200, api.get("/api/v1/rule-types", Role.VIEWER).statusCode());
    problem(api.get("/api/v1/rules", Role.VIEWER), 403);
    problem(api.get("/api/v1/rules/precision", Role.VIEWER), 403);
    assertEquals(200, api.get("/api/v1/rules", Role.ANALYST).statusCode());
  }

  @Test
  void theDevelopmentTokenEndpointIsAbsentUnlessEnabled() {
    problem(api.post("/api/v1/auth/token", null, "{\"role\":\"admin\"}"), 404);
  }
}
