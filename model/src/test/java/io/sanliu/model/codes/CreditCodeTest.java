package io.sanliu.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

  /** Published codes of large companies, whose check characters are right. */
  @ParameterizedTest
  @ValueSource(strings = {"9144030071526726XG", "91330100716105852F", "911100001000079554"})
  void publishedCodesHaveAValidFormatAndCheckCharacter(String code) {
    assertEquals(code, CreditCode.requireValidFormat(code));
    assertTrue(CreditCode.checkCharacterMatches(code));
  }

  @Test
  void aWrongCheckCharacterIsStillAWellFormedCode() {
    assertTrue(CreditCode.hasValidFormat("9144030071526726XA"));
    assertFalse(CreditCode.checkCharacterMatches("9144030071526726XA"));
    assertEquals('G', CreditCode.expectedCheckCharacter("9144030071526726XA"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"91440300715267", "9144030071526726XGX", ""})
  void aCodeOfAnotherLengthIsRefused(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CreditCode.requireValidFormat(code));
    assertTrue(e.getMessage().contains("18-character"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"9144030071526726IG", "9144030071526726OG", "9144030071526726xg"})
  void lettersOutsideTheCharsetAreRefusedWithTheirPosition(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CreditCode.requireValidFormat(code));
    assertTrue(e.getMessage().contains("position 17"), e.getMessage());
    assertFalse(CreditCode.hasValidFormat(code));
  }
}
