package io.sanliu.jobs.risk.group;

/** Whose orders a group holds: one buyer (ID number) or one delivery address. */
public enum GroupKind {
  BUYER,
  ADDRESS;

  /** The role under which an alert names the group's subject. */
  public String role() {
    return this == BUYER ? "buyer" : "address";
  }

  String zh() {
    return this == BUYER ? "同一订购人" : "同一收货地址";
  }

  String en() {
    return this == BUYER ? "one buyer" : "one delivery address";
  }
}
