package io.sanliu.model.codes;

import java.util.Arrays;
import java.util.Optional;

/**
 * The type of a person's ID document in CEB messages ({@code buyerIdType}, {@code payerIdType}).
 * The CEB standard has two codes: {@code 1} resident ID card (身份证), required for retail imports in
 * the pilot, and {@code 2} any other document (其他, e.g. a passport). No finer codes exist in the
 * standard, so none are invented here.
 */
public enum IdType {
  RESIDENT_ID_CARD("1", "身份证"),
  OTHER("2", "其他(护照等)");

  private final String code;
  private final String nameZh;

  IdType(String code, String nameZh) {
    this.code = code;
    this.nameZh = nameZh;
  }

  public String code() {
    return code;
  }

  public String nameZh() {
    return nameZh;
  }

  public static Optional<IdType> find(String code) {
    if (code == null) return Optional.empty();
    String c = code.trim();
    return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
  }

  /**
   * @throws IllegalArgumentException naming the allowed codes
   */
  public static IdType fromCode(String code) {
    return find(code)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "ID type must be 1 (resident ID card) or 2 (other, e.g. passport), not '"
                        + code
                        + "'"));
  }
}
