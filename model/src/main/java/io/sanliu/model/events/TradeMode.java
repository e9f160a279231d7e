package io.sanliu.model.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Customs supervision modes of cross-border e-commerce (DOMAIN.md §2). */
public enum TradeMode {
  /** 跨境贸易电子商务: direct B2C retail by post or express. */
  DIRECT_9610("9610"),
  /** 保税跨境贸易电子商务: bonded, released per retail order. */
  BONDED_1210("1210"),
  /** 跨境电商 B2B 直接出口. */
  B2B_EXPORT_9710("9710"),
  /** 跨境电商出口海外仓. */
  OVERSEAS_WAREHOUSE_9810("9810");

  private final String code;

  /**
   * Retail import (9610 or 1210, direction I): where the single limit, the annual quota and the
   * comprehensive tax apply.
   */
  public static boolean retailImport(Direction direction, TradeMode mode) {
    return direction == Direction.I && (mode == DIRECT_9610 || mode == BONDED_1210);
  }

  TradeMode(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }

  @JsonCreator
  public static TradeMode fromCode(String code) {
    for (TradeMode m : values()) {
      if (m.code.equals(code)) return m;
    }
    throw new IllegalArgumentException(
        "tradeMode must be one of 9610, 1210, 9710, 9810, not '" + code + "'");
  }
}
