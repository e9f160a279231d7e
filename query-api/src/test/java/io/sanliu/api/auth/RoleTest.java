package io.sanliu.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoleTest {
  @Test
  void claimsAreTheLowerCaseNames() {
    assertEquals("risk_officer", Role.RISK_OFFICER.claim());
    assertEquals(Optional.of(Role.ANALYST), Role.fromClaim("analyst"));
    assertEquals(Optional.empty(), Role.fromClaim("ANALYST"));
    assertEquals(Optional.empty(), Role.fromClaim(null));
  }

  @Test
  void onlyTriagingRolesSeePersonalDataAndOnlyViewersMissShadowAlerts() {
    assertFalse(Role.VIEWER.seesPersonalData());
    assertFalse(Role.ANALYST.seesPersonalData());
    assertTrue(Role.RISK_OFFICER.seesPersonalData());
    assertTrue(Role.ADMIN.seesPersonalData());
    assertFalse(Role.VIEWER.seesShadowAlerts());
    assertTrue(Role.ANALYST.seesShadowAlerts());
    assertEquals(java.util.Set.of(Role.RISK_OFFICER, Role.ADMIN), Role.REVIEWERS);
  }
}
