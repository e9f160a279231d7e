package io.sanliu.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyCodeTest {

  @ParameterizedTest
  @CsvSource({
    "142,CNY", "502,USD", "300,EUR", "116,JPY", "110,HKD", "303,GBP", "133,KRW", "601,AUD",
    "132,SGD"
  })
  void customsCodesMapToTheirIsoLetters(String code, String iso) {
    assertEquals(iso, CurrencyCode.fromCode(code).iso());
    assertEquals(code, CurrencyCode.fromCode(" " + code + " ").code());
    assertEquals(code, CurrencyCode.findByIso(iso.toLowerCase()).orElseThrow().code());
  }

  @Test
  void everyCurrencyHasAUniqueThreeDigitCodeAndBothNames() {
    List<String> codes = CurrencyCode.codes();
    assertEquals(codes.size(), new HashSet<>(codes).size(), codes::toString);
    for (CurrencyCode c : CurrencyCode.values()) {
      assertTrue(c.code().matches("\\d{3}"), c.code());
      assertTrue(c.iso().matches("[A-Z]{3}"), c.iso());
      assertTrue(!c.nameZh().isBlank() && !c.nameEn().isBlank(), c::name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"999", "156", "304", "", "CN"})
  void unknownCodesAreRefusedNamingTheAllowedCodes(String code) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CurrencyCode.fromCode(code));
    assertTrue(e.getMessage().contains("142 CNY"), e.getMessage());
    assertTrue(e.getMessage().contains("502 USD"), e.getMessage());
    assertTrue(e.getMessage().contains("'" + code + "'"), e.getMessage());
  }

  @Test
  void anIsoLetterCodeIsRefusedWithTheCustomsCodeToSendInstead() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CurrencyCode.fromCode("USD"));
    assertTrue(e.getMessage().contains("send its customs code 502"), e.getMessage());
  }

  @Test
  void findReturnsEmptyForNullAndUnknown() {
    assertTrue(CurrencyCode.find(null).isEmpty());
    assertTrue(CurrencyCode.find("000").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> CurrencyCode.fromCode(null));
  }
}
