package io.sanliu.jobs.stats;

/**
 * Which statistics a figure belongs to. The two calibers count the same trade from two sources at
 * two moments; they are shown side by side, never added.
 */
public enum Caliber {
  /** 平台口径: the orders the platforms push, counted when placed (the order's time). */
  PLATFORM,
  /** 海关口径: customs lists, counted when customs releases them (the release receipt's time). */
  CUSTOMS
}
