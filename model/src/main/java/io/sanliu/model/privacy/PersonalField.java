package io.sanliu.model.privacy;

/**
 * A personal value as the platform keeps it: a keyed hash to join and count on, and a masked form
 * to show. The clear value never leaves the gateway.
 *
 * @param hash HMAC-SHA256 of the normalised clear value, hex
 * @param masked display form with most characters hidden, e.g. {@code 110***********1234}
 */
public record PersonalField(String hash, String masked) {

  /** The keyed hash of a field, or null when the field or its hash is missing. */
  public static String hashOf(PersonalField field) {
    return field == null || field.hash() == null || field.hash().isBlank() ? null : field.hash();
  }
}
