package io.sanliu.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdTypeTest {

  @Test
  void oneIsTheResidentIdCardAndTwoAnyOtherDocument() {
    assertEquals(IdType.RESIDENT_ID_CARD, IdType.fromCode("1"));
    assertEquals(IdType.OTHER, IdType.fromCode(" 2 "));
    assertEquals("1", IdType.RESIDENT_ID_CARD.code());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "3", "身份证", "RESIDENT_ID_CARD", ""})
  void otherCodesAreRefusedNamingTheAllowedOnes(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IdType.fromCode(code));
    assertTrue(e.getMessage().contains("1 (resident ID card) or 2"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + code + "'"), e.getMessage());
  }

  @Test
  void findIsEmptyForNull() {
    assertTrue(IdType.find(null).isEmpty());
  }
}
