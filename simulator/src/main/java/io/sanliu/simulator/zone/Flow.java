package io.sanliu.simulator.zone;

import io.sanliu.model.events.Direction;
import io.sanliu.model.events.TradeMode;

/**
 * A customs supervision mode with its direction, and its share of the zone's orders: direct retail
 * 9610 both ways, bonded 1210 import, B2B 9710 and overseas warehouse 9810 export.
 */
public enum Flow {
  DIRECT_IMPORT(TradeMode.DIRECT_9610, Direction.I, 0.27),
  BONDED_IMPORT(TradeMode.BONDED_1210, Direction.I, 0.35),
  DIRECT_EXPORT(TradeMode.DIRECT_9610, Direction.E, 0.18),
  B2B_EXPORT(TradeMode.B2B_EXPORT_9710, Direction.E, 0.12),
  WAREHOUSE_EXPORT(TradeMode.OVERSEAS_WAREHOUSE_9810, Direction.E, 0.08);

  private final TradeMode mode;
  private final Direction direction;
  private final double share;

  Flow(TradeMode mode, Direction direction, double share) {
    this.mode = mode;
    this.direction = direction;
    this.share = share;
  }

  public TradeMode mode() {
    return mode;
  }

  public Direction direction() {
    return direction;
  }

  /** Share of the zone's orders. */
  public double share() {
    return share;
  }

  public boolean isImport() {
    return direction == Direction.I;
  }

  /** Retail (B2C): one consumer's parcel. B2B and overseas-warehouse orders are wholesale. */
  public boolean retail() {
    return mode == TradeMode.DIRECT_9610 || mode == TradeMode.BONDED_1210;
  }
}
