package io.sanliu.api;

import static io.sanliu.api.ApiFixture.json;
import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.RuleType;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What each role sees of an alert: personal evidence and shadow alerts. */
@ExtendWith(SanliuStackExtension.class)
class AlertVisibilityTest {
  static final Instant AT = Instant.parse("2031-03-01T10:00:00Z");
  static final String PAYER = "110***********1234";
  static final String BUYER = "440***********5678";
  static ApiFixture api;

  @BeforeAll
  static void start(SanliuStack stack) {
    // The evidence of a payer-not-buyer alert, as PayerNotBuyerRule and the matcher write it.
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("payerId", PAYER);
    evidence.put("buyerId", BUYER);
    evidence.put("amountPaid", "4999.00");
    evidence.put("waybill/order consigneeTelephone", "138****0001 ≠ 139****0002");
    TestAlerts.index(
        stack.elastic().blocking(),
        List.of(
            TestAlerts.alert(
                "visible-payer",
                "payer-not-buyer",
                RuleType.PAYER_NOT_BUYER,
                Severity.HIGH,
                80,
                false,
                "VISIBILITY-TEST",
                AT,
                evidence,
                "进口订单 SO-1 由 " + PAYER + " 支付 4999.00 元，订购人为 " + BUYER,
                "import order SO-1 paid 4999.00 CNY by "
                    + PAYER
                    + ", buyer "
                    + BUYER
                    + "; consigneeTelephone 138****0001 vs 139****0002"),
            TestAlerts.alert(
                "visible-shadow",
                "single-limit-candidate",
                RuleType.SINGLE_LIMIT,
                Severity.HIGH,
                70,
                true,
                "VISIBILITY-TEST",
                AT.plusSeconds(1),
                Map.of("taxableValue", "4500.00"),
                "单笔超限",
                "single limit")));
    api = ApiFixture.start(stack);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void viewersAndAnalystsSeeNoPersonalValuesNotEvenMasked() {
    for (Role role : List.of(Role.VIEWER, Role.ANALYST)) {
      JsonNode alert = json(api.get("/api/v1/alerts/visible-payer", role));
      JsonNode evidence = alert.get("evidence");
      assertEquals("***", evidence.get("payerId").asText(), role::toString);
      assertEquals("***", evidence.get("buyerId").asText());
      assertEquals("***", evidence.get("waybill/order consigneeTelephone").asText());
      assertEquals("4999.00", evidence.get("amountPaid").asText(), "amounts are not personal");
      for (String text :
          List.of(alert.get("explanationZh").asText(), alert.get("explanationEn").asText())) {
        assertFalse(text.contains("1234") || text.contains("5678") || text.contains("0001"), text);
        assertTrue(text.contains("4999.00"), text);
      }
      assertTrue(alert.get("personalDataHidden").asBoolean());
      JsonNode listed =
          json(api.get("/api/v1/alerts?enterpriseCode=VISIBILITY-TEST", role)).get("items").get(0);
      assertEquals("***", listed.get("evidence").get("payerId").asText(), "lists too");
    }
  }

  @Test
  void riskOfficersSeeTheEvidenceAsStored() {
    for (Role role : List.of(Role.RISK_OFFICER, Role.ADMIN)) {
      JsonNode alert = json(api.get("/api/v1/alerts/visible-payer", role));
      assertEquals(PAYER, alert.get("evidence").get("payerId").asText());
      assertTrue(alert.get("explanationZh").asText().contains(BUYER));
      assertFalse(alert.has("personalDataHidden"));
      assertEquals("hash-of-visible-payer", alert.get("entityKeys").get("buyer").asText());
    }
  }

  @Test
  void shadowAlertsAreLeftOutByDefaultAndNeverShownToViewers() {
    JsonNode live = json(api.get("/api/v1/alerts?enterpriseCode=VISIBILITY-TEST", Role.ANALYST));
    assertEquals(List.of("visible-payer"), live.get("items").findValuesAsText("alertId"));
    JsonNode any =
        json(api.get("/api/v1/alerts?enterpriseCode=VISIBILITY-TEST&shadow=any", Role.ANALYST));
    assertEquals(2, any.get("total").asInt());
    JsonNode shadowOnly =
        json(
            api.get(
                "/api/v1/alerts?enterpriseCode=VISIBILITY-TEST&shadow=true", Role.RISK_OFFICER));
    assertEquals(List.of("visible-shadow"), shadowOnly.get("items").findValuesAsText("alertId"));

    problem(api.get("/api/v1/alerts?enterpriseCode=VISIBILITY-TEST&shadow=any", Role.VIEWER), 403);
    problem(api.get("/api/v1/alerts/visible-shadow", Role.VIEWER), 403);
    assertEquals(200, api.get("/api/v1/alerts/visible-shadow", Role.ANALYST).statusCode());
  }
}
