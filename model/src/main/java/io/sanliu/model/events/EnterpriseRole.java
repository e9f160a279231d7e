package io.sanliu.model.events;

/** The roles a filed participant can play. */
public enum EnterpriseRole {
  PLATFORM,
  ECOMMERCE,
  LOGISTICS,
  PAYMENT,
  AGENT,
  WAREHOUSE
}
