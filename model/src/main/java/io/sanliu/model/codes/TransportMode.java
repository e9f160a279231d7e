package io.sanliu.model.codes;

import java.util.Locale;

/**
 * How a parcel travels in a logistics tracking event (multimodal: air, rail, sea, road). Names are
 * read in any case ({@code road}, {@code Road}, {@code ROAD}) and kept upper-case.
 */
public enum TransportMode {
  AIR("航空"),
  RAIL("铁路"),
  SEA("海运"),
  ROAD("公路");

  private final String nameZh;

  TransportMode(String nameZh) {
    this.nameZh = nameZh;
  }

  public String nameZh() {
    return nameZh;
  }

  /**
   * @throws IllegalArgumentException naming the allowed modes
   */
  public static TransportMode fromName(String name) {
    String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    for (TransportMode m : values()) {
      if (m.name().equals(n)) return m;
    }
    throw new IllegalArgumentException(
        "transportMode must be AIR, RAIL, SEA or ROAD (any case), not '" + name + "'");
  }
}
