package io.sanliu.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.risk.DefaultRules;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/risk.md lists every rule type with its names and every shipped rule. */
class RiskCatalogueDocsTest {
  static String doc() throws Exception {
    return Files.readString(Path.of("..", "docs", "risk.md"));
  }

  @ParameterizedTest
  @EnumSource(RuleType.class)
  void everyRuleTypeHasItsRowWithBothNames(RuleType type) throws Exception {
    String row = "| `" + type.name() + "` | " + type.nameZh() + " | " + type.nameEn() + " |";
    assertTrue(doc().contains(row), "docs/risk.md lacks " + row);
  }

  @Test
  void everyShippedRuleIsListed() throws Exception {
    String doc = doc();
    for (RuleDefinition r : DefaultRules.all()) {
      assertTrue(doc.contains("`" + r.ruleId() + "` " + r.severity()), r.ruleId());
    }
  }
}
