package io.sanliu.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataHasherTest {
  private static final String KEY = "zone-4403-hmac-key-0123456789";
  private static final String ID = "11010519491231002X";
  private static final String PHONE = "13812345678";
  private final PersonalDataHasher hasher =
      new PersonalDataHasher(KEY.getBytes(StandardCharsets.UTF_8));

  @Test
  void sameInputGivesTheSameHash() {
    PersonalDataHasher other = new PersonalDataHasher(KEY.getBytes(StandardCharsets.UTF_8));

    assertEquals(hasher.hash(ID), hasher.hash(ID));
    assertEquals(hasher.hash(ID), other.hash(ID));
    assertEquals(hasher.idNumber(ID), other.idNumber(ID));
  }

  @Test
  void differentKeyGivesADifferentHash() {
    PersonalDataHasher otherZone =
        new PersonalDataHasher("zone-5101-hmac-key-0123456789".getBytes(StandardCharsets.UTF_8));

    assertNotEquals(hasher.hash(ID), otherZone.hash(ID));
  }

  @Test
  void differentValuesGiveDifferentHashes() {
    assertNotEquals(hasher.hash("110105194912310021"), hasher.hash("110105194912310022"));
  }

  @Test
  void hashIsHmacSha256OfTheTrimmedUpperCasedValueInHex() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(mac.doFinal(ID.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));

    assertEquals(expected, hasher.hash("  11010519491231002x\t"));
  }

  @Test
  void idNumbersEndingInLowerOrUpperXHashEqual() {
    assertEquals(hasher.hash("11010519491231002X"), hasher.hash("11010519491231002x"));
    assertEquals(
        hasher.idNumber("11010519491231002X").hash(),
        hasher.idNumber(" 11010519491231002x ").hash());
  }

  @Test
  void addressesDifferingOnlyInWhitespaceHashEqual() {
    PersonalField compact = hasher.address("广东省深圳市南山区科技园路1号");
    PersonalField spaced = hasher.address(" 广东省 深圳市  南山区\t科技园路 1号 ");

    assertEquals(compact.hash(), spaced.hash());
    assertEquals(compact.masked(), spaced.masked());
    assertNotEquals(compact.hash(), hasher.address("广东省深圳市南山区科技园路2号").hash());
  }

  @ParameterizedTest
  @ValueSource(strings = {ID, PHONE, "张三丰", "广东省深圳市南山区科技园路1号"})
  void hashIs64HexCharactersWithoutTheClearValue(String clear) {
    String hash = hasher.hash(clear);

    assertTrue(hash.matches("[0-9a-f]{64}"), hash);
    assertFalse(hash.contains(clear), hash);
    assertFalse(hash.toUpperCase(Locale.ROOT).contains(clear.toUpperCase(Locale.ROOT)), hash);
  }

  @Test
  void idNumberMaskShowsTheFirstThreeAndLastFourCharacters() {
    PersonalField id = hasher.idNumber(ID);

    assertEquals("110***********002X", id.masked());
    assertEquals(hasher.hash(ID), id.hash());
  }

  @Test
  void telephoneMaskShowsTheFirstThreeAndLastFourDigits() {
    assertEquals("138****5678", hasher.telephone(PHONE).masked());
    assertEquals("138****5678", hasher.telephone(" 13812345678 ").masked());
  }

  @Test
  void nameMaskShowsTheFirstCharacter() {
    assertEquals("张**", hasher.name("张三丰").masked());
    assertEquals("欧***", hasher.name("欧阳娜娜").masked());
    assertEquals("J*******", hasher.name("Jane Doe").masked());
  }

  @Test
  void addressMaskShowsTheFirstSixCharacters() {
    assertEquals("广东省深圳市*********", hasher.address("广东省深圳市南山区科技园路1号").masked());
  }

  @Test
  void masksCountCharactersNotUtf16Units() {
    // 𠮷 (U+20BB7) is one character but two UTF-16 units; the mask must not split it.
    assertEquals("𠮷**", hasher.name("𠮷野家").masked());
  }

  @Test
  void valuesTooShortToMaskShowOnlyTheirFirstCharacter() {
    assertEquals("1**", hasher.telephone("110").masked());
    assertEquals("1******", hasher.telephone("1234567").masked());
    assertEquals("1******", hasher.idNumber("1234567").masked());
    assertEquals("广*****", hasher.address("广东省深圳市").masked());
    assertEquals("*", hasher.name("李").masked(), "a one-character name is hidden whole");
  }

  @Test
  void absentValuesStayAbsent() {
    assertNull(hasher.hash(null));
    assertNull(hasher.idNumber(null));
    assertNull(hasher.telephone(null));
    assertNull(hasher.name(null));
    assertNull(hasher.address(null));
  }

  @Test
  void refusesKeysShorterThan16Bytes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PersonalDataHasher("0123456789abcde".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("SANLIU_PII_HMAC_KEY"), e.getMessage());
    assertTrue(e.getMessage().contains("16"), e.getMessage());

    // Exactly 16 bytes is enough.
    new PersonalDataHasher("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keyIsCopiedSoLaterChangesToTheArrayDoNotChangeHashes() {
    byte[] key = KEY.getBytes(StandardCharsets.UTF_8);
    PersonalDataHasher h = new PersonalDataHasher(key);
    String before = h.hash(ID);
    key[0] ^= 0x55;

    assertEquals(before, h.hash(ID));
  }

  @Test
  void fromConfigUsesThePiiHmacKey() {
    Config config = Config.defaults().with(ConfigKey.PII_HMAC_KEY, KEY);

    assertEquals(hasher.hash(ID), PersonalDataHasher.from(config).hash(ID));
    assertNotEquals(hasher.hash(ID), PersonalDataHasher.from(Config.defaults()).hash(ID));
  }

  @Test
  void fromConfigRefusesAShortPiiHmacKey() {
    Config config = Config.defaults().with(ConfigKey.PII_HMAC_KEY, "short");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PersonalDataHasher.from(config));
    assertTrue(e.getMessage().contains("SANLIU_PII_HMAC_KEY"), e.getMessage());
  }
}
