package io.sanliu.api.ledger;

import io.sanliu.api.Params;
import java.util.regex.Pattern;

/** The {@code code} path parameter of the ledger routes: an enterprise's code (ebcCode). */
public final class EnterpriseCode {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private EnterpriseCode() {}

  /**
   * The code as given; letters, digits, '-' and '_' only, at most 64: a 400 naming it otherwise.
   */
  public static String require(String code) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw Params.invalid(
          "code", "must be 1-64 letters, digits, '-' or '_' (an enterprise's ebcCode)");
    }
    return code;
  }
}
