package io.sanliu.ingest.json;

import io.sanliu.model.codes.CurrencyCode;
import io.sanliu.model.codes.HsCode;
import io.sanliu.model.codes.IdType;

/**
 * Fields whose values come from a code list, read through a {@link FieldReader}: each returns the
 * code as the event keeps it (trimmed text), or null after recording an error that names the
 * allowed codes. Currencies and ID types must be known; countries are deliberately not here:
 * readers keep any country code, an unknown one being a data-quality finding ({@link
 * io.sanliu.model.codes.Country#find}), not a refusal.
 */
public final class CodeListFields {
  private CodeListFields() {}

  /** A customs currency code ({@code 142} CNY, {@code 502} USD...), required. */
  public static String requiredCurrency(FieldReader f, String field) {
    CurrencyCode c = f.requiredCode(field, CurrencyCode::fromCode);
    return c == null ? null : c.code();
  }

  /** A customs currency code, when given. */
  public static String optionalCurrency(FieldReader f, String field) {
    CurrencyCode c = f.optionalCode(field, CurrencyCode::fromCode);
    return c == null ? null : c.code();
  }

  /** An ID document type ({@code 1} resident ID card, {@code 2} other), required. */
  public static String requiredIdType(FieldReader f, String field) {
    IdType t = f.requiredCode(field, IdType::fromCode);
    return t == null ? null : t.code();
  }

  /** An ID document type, when given. */
  public static String optionalIdType(FieldReader f, String field) {
    IdType t = f.optionalCode(field, IdType::fromCode);
    return t == null ? null : t.code();
  }

  /** A 10-digit HS code ({@code gcode}), required. */
  public static String requiredHsCode(FieldReader f, String field) {
    return f.requiredCode(field, HsCode::requireValid);
  }
}
