package io.sanliu.model.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnomalyKindTest {

  @ParameterizedTest
  @EnumSource(AnomalyKind.class)
  void everyKindHasAOneLineEnglishDescription(AnomalyKind kind) {
    String d = kind.description();
    assertFalse(d.isBlank());
    assertFalse(d.contains("\n"));
    assertTrue(d.endsWith("."), d);
    assertTrue(d.chars().allMatch(c -> c < 128), "English only: " + d);
  }

  @Test
  void descriptionsAreDistinct() {
    Set<String> descriptions =
        Arrays.stream(AnomalyKind.values())
            .map(AnomalyKind::description)
            .collect(Collectors.toSet());
    assertEquals(AnomalyKind.values().length, descriptions.size());
  }

  @Test
  void oneKindPerRiskRule() {
    // The risk engine's scoring test iterates over these; a new rule needs a new kind.
    assertEquals(19, AnomalyKind.values().length);
  }
}
