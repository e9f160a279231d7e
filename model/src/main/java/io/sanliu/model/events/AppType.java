package io.sanliu.model.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** CEB {@code appType}: a document is new, a change of an earlier one, or its deletion. */
public enum AppType {
  NEW("1"),
  CHANGE("2"),
  DELETE("3");

  private final String code;

  AppType(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  @JsonCreator
  public static AppType fromCode(String code) {
    for (AppType t : values()) {
      if (t.code.equals(code) || t.name().equalsIgnoreCase(code)) return t;
    }
    throw new IllegalArgumentException("appType must be 1, 2 or 3, not '" + code + "'");
  }
}
