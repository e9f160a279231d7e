package io.sanliu.model.events;

import java.time.Instant;
import java.util.Set;

/** An enterprise's filing with the zone: filed once, shared by all (一次备案、多主体共享). */
public record EnterpriseFiling(
    String enterpriseCode,
    String enterpriseName,
    String creditCode,
    Set<EnterpriseRole> roles,
    String customsCode,
    String country,
    String address,
    AppType appType,
    Instant filedAt)
    implements BusinessEvent {

  @Override
  public String businessKey() {
    return enterpriseCode;
  }

  @Override
  public Instant eventTime() {
    return filedAt;
  }
}
