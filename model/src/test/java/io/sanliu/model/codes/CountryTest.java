package io.sanliu.model.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryTest {

  @ParameterizedTest
  @CsvSource({
    "142,CN,中国",
    "116,JP,日本",
    "133,KR,韩国",
    "502,US,美国",
    "303,GB,英国",
    "304,DE,德国",
    "305,FR,法国",
    "601,AU,澳大利亚",
    "132,SG,新加坡",
    "136,TH,泰国",
    "112,ID,印度尼西亚",
    "141,VN,越南",
    "110,HK,中国香港"
  })
  void customsCodesMapToIsoCodesAndChineseNames(String code, String iso2, String nameZh) {
    Country c = Country.find(code).orElseThrow();
    assertEquals(iso2, c.iso2());
    assertEquals(nameZh, c.nameZh());
    assertEquals(code, Country.findByIso2(iso2.toLowerCase()).orElseThrow().code());
  }

  @Test
  void theTableHoldsTheCommonTradePartnersWithUniqueCodes() {
    List<Country> all = Country.all();
    assertTrue(all.size() >= 30, () -> all.size() + " countries");
    Set<String> codes = new HashSet<>();
    Set<String> isos = new HashSet<>();
    for (Country c : all) {
      assertTrue(c.code().matches("[1-6]\\d{2}"), c.code());
      assertTrue(c.iso2().matches("[A-Z]{2}"), c.iso2());
      assertFalse(c.nameZh().isBlank() || c.nameEn().isBlank(), c::toString);
      assertTrue(codes.add(c.code()), "duplicate code " + c.code());
      assertTrue(isos.add(c.iso2()), "duplicate ISO code " + c.iso2());
    }
  }

  @Test
  void regionCodesFollowTheCustomsContinentBlocks() {
    assertEquals("1", Country.findByIso2("JP").orElseThrow().code().substring(0, 1));
    assertEquals("3", Country.findByIso2("DE").orElseThrow().code().substring(0, 1));
    assertEquals("5", Country.findByIso2("US").orElseThrow().code().substring(0, 1));
    assertEquals("6", Country.findByIso2("NZ").orElseThrow().code().substring(0, 1));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"999", "701", "JP", "", "1160"})
  void anUnknownCodeIsEmptyNotAnError(String code) {
    assertTrue(Country.find(code).isEmpty());
    assertFalse(Country.isKnown(code));
  }

  @Test
  void codesAreMatchedAfterTrimming() {
    assertTrue(Country.isKnown(" 116 "));
  }
}
