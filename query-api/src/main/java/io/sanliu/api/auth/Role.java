package io.sanliu.api.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who a token speaks for (DOMAIN.md §5, ARCHITECTURE.md): wall-screen viewers, analysts, risk
 * officers and administrators. The claim value is the lower-case name ({@code risk_officer}).
 */
public enum Role {
  /** Wall screens: live figures and live alerts, personal data hidden. */
  VIEWER,
  /** Analysts: every read, shadow alerts included, personal data hidden. */
  ANALYST,
  /** Risk teams: triage alerts and change rules; sees the (already masked) evidence. */
  RISK_OFFICER,
  /** Everything a risk officer can do. */
  ADMIN;

  public static final Set<Role> ALL = EnumSet.allOf(Role.class);

  /** Roles allowed to change things: alert reviews and rule definitions. */
  public static final Set<Role> REVIEWERS = EnumSet.of(RISK_OFFICER, ADMIN);

  /** Roles that read rules and their quality, not only screens. */
  public static final Set<Role> READERS = EnumSet.of(ANALYST, RISK_OFFICER, ADMIN);

  /** The value of the token's {@code role} claim. */
  public String claim() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromClaim(String claim) {
    if (claim == null) return Optional.empty();
    return Arrays.stream(values()).filter(r -> r.claim().equals(claim.trim())).findFirst();
  }

  /**
   * Whether alert evidence is shown as stored. Stored evidence is already masked at the source
   * (e.g. {@code 110***********1234}); roles that do not triage alerts do not get even that.
   */
  public boolean seesPersonalData() {
    return this == RISK_OFFICER || this == ADMIN;
  }

  /** Whether shadow alerts (a rule candidate's, not shown as live) may be read. */
  public boolean seesShadowAlerts() {
    return this != VIEWER;
  }

  public static String claims(Set<Role> roles) {
    return String.join(", ", roles.stream().map(Role::claim).toList());
  }
}
