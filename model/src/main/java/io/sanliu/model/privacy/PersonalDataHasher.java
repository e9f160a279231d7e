package io.sanliu.model.privacy;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA256) and masking of personal identifiers. A keyed hash, unlike a plain one,
 * cannot be reversed by hashing every possible ID number: the key stays with the platform.
 */
public final class PersonalDataHasher {
  private static final String ALGORITHM = "HmacSHA256";
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private final SecretKeySpec key;
  // A Mac is not thread-safe and costly to look up: one per thread, initialised once.
  private final ThreadLocal<Mac> macs;

  public PersonalDataHasher(byte[] key) {
    if (key.length < 16) {
      throw new IllegalArgumentException(
          ConfigKey.PII_HMAC_KEY.env() + " must be at least 16 bytes long");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  public static PersonalDataHasher from(Config config) {
    return new PersonalDataHasher(
        config.get(ConfigKey.PII_HMAC_KEY).getBytes(StandardCharsets.UTF_8));
  }

  /** Hex HMAC of the value after trimming and upper-casing (ID numbers end in x or X). */
  public String hash(String clear) {
    if (clear == null) return null;
    // doFinal resets the Mac for the next value.
    byte[] digest =
        macs.get().doFinal(clear.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest);
  }

  /** ID number: first 3 and last 4 characters shown. */
  public PersonalField idNumber(String clear) {
    return clear == null ? null : new PersonalField(hash(clear), keepEnds(clear.trim(), 3, 4));
  }

  /** Telephone: first 3 and last 4 digits shown. */
  public PersonalField telephone(String clear) {
    return clear == null ? null : new PersonalField(hash(clear), keepEnds(clear.trim(), 3, 4));
  }

  /** Person's name: first character shown. */
  public PersonalField name(String clear) {
    return clear == null ? null : new PersonalField(hash(clear), keepEnds(clear.trim(), 1, 0));
  }

  /** Address: the first 6 characters (province and city, usually) shown. */
  public PersonalField address(String clear) {
    if (clear == null) return null;
    // Addresses differ in spaces and case between documents of one parcel; compare them without.
    String normalised = WHITESPACE.matcher(clear).replaceAll("");
    return new PersonalField(hash(normalised), keepEnds(normalised, 6, 0));
  }

  static String keepEnds(String value, int head, int tail) {
    int count = value.codePointCount(0, value.length());
    // Too short to show anything safely: hide all but the first character, or all of one.
    boolean tooShort = count <= head + tail;
    StringBuilder sb = new StringBuilder(value.length());
    int index = 0;
    for (int offset = 0; offset < value.length(); index++) {
      int cp = value.codePointAt(offset);
      boolean shown = tooShort ? index == 0 && count > 1 : index < head || index >= count - tail;
      if (shown) sb.appendCodePoint(cp);
      else sb.append('*');
      offset += Character.charCount(cp);
    }
    return sb.toString();
  }
}
