package io.sanliu.model.codes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Currencies as CEB messages write them: the customs 3-digit currency codes (海关币制代码), e.g. {@code
 * 142} for CNY and {@code 502} for USD, with their ISO 4217 letters.
 *
 * <p>Only currencies of the customs table still in use are listed; the table's pre-euro currencies
 * (304 DEM, 305 FRF, 307 ITL, 312 ESP, 315 ATS, 318 FIM) are left out, so a document in them is
 * refused. An unknown currency is a validation error (unlike an unknown country): amounts cannot be
 * compared or converted without it. Add a constant here when a zone trades in another currency.
 */
public enum CurrencyCode {
  CNY("142", "人民币", "Chinese yuan"),
  HKD("110", "港币", "Hong Kong dollar"),
  JPY("116", "日本元", "Japanese yen"),
  MOP("121", "澳门元", "Macao pataca"),
  PHP("129", "菲律宾比索", "Philippine peso"),
  SGD("132", "新加坡元", "Singapore dollar"),
  KRW("133", "韩国圆", "Korean won"),
  THB("136", "泰国铢", "Thai baht"),
  EUR("300", "欧元", "Euro"),
  DKK("302", "丹麦克朗", "Danish krone"),
  GBP("303", "英镑", "Pound sterling"),
  NOK("326", "挪威克朗", "Norwegian krone"),
  SEK("330", "瑞典克朗", "Swedish krona"),
  CHF("331", "瑞士法郎", "Swiss franc"),
  CAD("501", "加拿大元", "Canadian dollar"),
  USD("502", "美元", "US dollar"),
  AUD("601", "澳大利亚元", "Australian dollar"),
  NZD("609", "新西兰元", "New Zealand dollar");

  private final String code;
  private final String nameZh;
  private final String nameEn;

  CurrencyCode(String code, String nameZh, String nameEn) {
    this.code = code;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  /** The customs 3-digit code, as CEB messages carry it. */
  public String code() {
    return code;
  }

  /** The ISO 4217 letter code. */
  public String iso() {
    return name();
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** The currency of a customs code, if it is in the table. */
  public static Optional<CurrencyCode> find(String code) {
    if (code == null) return Optional.empty();
    String c = code.trim();
    return Arrays.stream(values()).filter(v -> v.code.equals(c)).findFirst();
  }

  /** The currency of an ISO 4217 letter code (any case), if it is in the table. */
  public static Optional<CurrencyCode> findByIso(String iso) {
    if (iso == null) return Optional.empty();
    String i = iso.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(v -> v.name().equals(i)).findFirst();
  }

  /**
   * The currency of a customs code.
   *
   * @throws IllegalArgumentException naming the allowed codes (and the customs code to use when an
   *     ISO letter code was sent)
   */
  public static CurrencyCode fromCode(String code) {
    return find(code)
        .orElseThrow(
            () -> {
              String hint =
                  findByIso(code)
                      .map(c -> " (for " + c.iso() + " send its customs code " + c.code + ")")
                      .orElse("");
              return new IllegalArgumentException(
                  "currency must be a customs currency code, one of "
                      + allowed()
                      + "; not '"
                      + code
                      + "'"
                      + hint);
            });
  }

  /** The allowed codes with their ISO letters, e.g. {@code 142 CNY, 110 HKD, ...}. */
  public static String allowed() {
    return Arrays.stream(values())
        .map(c -> c.code + " " + c.iso())
        .collect(Collectors.joining(", "));
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(CurrencyCode::code).toList();
  }
}
