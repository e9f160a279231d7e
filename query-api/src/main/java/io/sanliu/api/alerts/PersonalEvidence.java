package io.sanliu.api.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hides personal values in an alert for roles that do not triage alerts. The risk engine already
 * stores only masked forms ({@code 110***********1234}) and keyed hashes; screens and analysts get
 * not even those. Which evidence is personal comes from the rules in {@code io.sanliu.jobs.risk}:
 * {@code payerId}/{@code buyerId} (payer not buyer, export paid by a domestic payer) and the
 * personal comparisons of three-document matching, keyed {@code "<documents> <field>"} (e.g. {@code
 * "waybill/order consigneeTelephone"}, {@code "payment/order payerId=buyerId"}).
 */
public final class PersonalEvidence {
  public static final String HIDDEN = "***";

  /** Document fields that name or reach a person (CEB order, payment, waybill and list heads). */
  static final Set<String> PERSONAL_FIELDS =
      Set.of(
          "payerId",
          "payerName",
          "buyerId",
          "buyerIdNumber",
          "buyerName",
          "buyerTelephone",
          "telephone",
          "consignee",
          "consigneeTelephone",
          "consigneeAddress");

  /** Shorter fragments are not searched for in the explanations (they would hit numbers). */
  static final int MIN_FRAGMENT = 3;

  private PersonalEvidence() {}

  /** Whether an evidence entry holds a personal value, by its key. */
  public static boolean isPersonal(String evidenceKey) {
    String field = evidenceKey.substring(evidenceKey.lastIndexOf(' ') + 1);
    for (String part : field.split("=")) {
      if (PERSONAL_FIELDS.contains(part.trim())) return true;
    }
    return false;
  }

  /**
   * Replaces personal evidence values with {@value #HIDDEN}, and every appearance of them in the
   * explanations too (the rules quote the masked values there).
   */
  public static void hide(ObjectNode alert) {
    JsonNode evidence = alert.get("evidence");
    if (!(evidence instanceof ObjectNode fields)) return;
    List<String> fragments = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!isPersonal(e.getKey())) continue;
      String value = e.getValue().asText();
      fragments.add(value);
      // Mismatch evidence reads "left ≠ right"; the English explanation quotes each side apart.
      for (String side : value.split(" ≠ ")) fragments.add(side.trim());
      e.setValue(alert.textNode(HIDDEN));
    }
    fragments.sort((a, b) -> b.length() - a.length());
    for (String field : List.of("explanationZh", "explanationEn")) {
      JsonNode text = alert.get(field);
      if (text == null || !text.isTextual()) continue;
      String s = text.asText();
      for (String fragment : fragments) {
        if (fragment.length() >= MIN_FRAGMENT) s = s.replace(fragment, HIDDEN);
      }
      alert.put(field, s);
    }
  }
}
