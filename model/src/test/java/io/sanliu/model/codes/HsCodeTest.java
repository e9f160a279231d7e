package io.sanliu.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HsCodeTest {

  @Test
  void aTenDigitCodeIsValidAndKeepsItsChapter() {
    assertTrue(HsCode.isValid("1901101000"));
    assertEquals("3304990099", HsCode.requireValid(" 3304990099 "));
    assertEquals("19", HsCode.chapter("1901101000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"19011010", "19011010000", ""})
  void aCodeOfAnotherLengthIsRefusedWithItsLength(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HsCode.requireValid(code));
    assertTrue(e.getMessage().contains("10-digit"), e.getMessage());
    assertTrue(e.getMessage().contains(code.length() + " digits"), e.getMessage());
    assertFalse(HsCode.isValid(code));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1901.10.10", "19011010AB", "１９０１１０１０００"})
  void aCodeWithOtherCharactersIsRefused(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HsCode.requireValid(code));
    assertTrue(e.getMessage().contains("digits only"), e.getMessage());
    assertFalse(HsCode.isValid(code));
  }
}
