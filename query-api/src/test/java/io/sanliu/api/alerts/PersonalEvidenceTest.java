package io.sanliu.api.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import org.junit.jupiter.api.Test;

class PersonalEvidenceTest {
  @Test
  void knowsThePersonalEvidenceKeysOfTheRules() {
    // PayerNotBuyerRule, ExportDomesticPayerRule:
    assertTrue(PersonalEvidence.isPersonal("payerId"));
    assertTrue(PersonalEvidence.isPersonal("buyerId"));
    // DocumentMismatchRule: "<documents> <field>" from the matcher's personal comparisons.
    assertTrue(PersonalEvidence.isPersonal("payment/order payerId=buyerId"));
    assertTrue(PersonalEvidence.isPersonal("waybill/order consignee"));
    assertTrue(PersonalEvidence.isPersonal("waybill/order consigneeTelephone"));
    assertTrue(PersonalEvidence.isPersonal("list/order consigneeAddress"));
    assertTrue(PersonalEvidence.isPersonal("list/order buyerName"));
    // Not personal: amounts, ids of documents and enterprises, items.
    assertFalse(PersonalEvidence.isPersonal("amountPaid"));
    assertFalse(PersonalEvidence.isPersonal("payTransactionId"));
    assertFalse(PersonalEvidence.isPersonal("list/order items[SKU-1].price"));
    assertFalse(PersonalEvidence.isPersonal("payment/order amountPaid=acturalPaid"));
  }

  @Test
  void hidesValuesAndTheirQuotesInTheExplanations() {
    ObjectNode alert = Json.mapper().createObjectNode();
    alert.put("explanationZh", "三单不符 2 项：运单/订单 consignee 张** ≠ 李**；amountPaid 10.00 ≠ 12.00");
    alert.put("explanationEn", "consignee (waybill/order) 张** vs 李**; amountPaid 10.00 vs 12.00");
    ObjectNode evidence = alert.putObject("evidence");
    evidence.put("waybill/order consignee", "张** ≠ 李**");
    evidence.put("payment/order amountPaid=acturalPaid", "10.00 ≠ 12.00");

    PersonalEvidence.hide(alert);

    assertEquals("***", evidence.get("waybill/order consignee").asText());
    assertEquals("10.00 ≠ 12.00", evidence.get("payment/order amountPaid=acturalPaid").asText());
    assertFalse(alert.get("explanationZh").asText().contains("张**"));
    assertFalse(alert.get("explanationEn").asText().contains("李**"));
    assertTrue(alert.get("explanationEn").asText().contains("10.00 vs 12.00"));
  }

  @Test
  void anAlertWithoutEvidenceIsLeftAlone() {
    ObjectNode alert = Json.mapper().createObjectNode().put("explanationEn", "volume spike");
    PersonalEvidence.hide(alert);
    assertEquals("volume spike", alert.get("explanationEn").asText());
  }
}
