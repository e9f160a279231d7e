package io.sanliu.api.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Mints the API's bearer tokens for a subject and a role. Used by the development token endpoint,
 * by {@code sanliu token} (operators, with the configured secret) and by tests.
 */
public final class TokenIssuer {
  private final JWTAuth jwt;
  private final Duration ttl;
  private final Clock clock;

  TokenIssuer(JWTAuth jwt, Duration ttl, Clock clock) {
    if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be > 0");
    this.jwt = jwt;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A token for {@code subject} in {@code role}, valid for the issuer's lifetime from now. */
  public IssuedToken issue(String subject, Role role) {
    return issue(subject, role, clock.instant().plus(ttl));
  }

  /**
   * A token with an explicit expiry; an instant in the past gives an expired token (what the tests
   * of expiry need).
   */
  public IssuedToken issue(String subject, Role role, Instant expiresAt) {
    if (subject == null || subject.isBlank()) throw new IllegalArgumentException("no subject");
    JsonObject claims =
        new JsonObject()
            .put("sub", subject)
            .put("role", role.claim())
            .put("iss", ApiTokens.ISSUER)
            .put("exp", expiresAt.getEpochSecond());
    String token = jwt.generateToken(claims, new JWTOptions().setAlgorithm(ApiTokens.ALGORITHM));
    return new IssuedToken(token, subject, role, expiresAt);
  }

  /** A minted token with what it says, for the answer of the token endpoint. */
  public record IssuedToken(String token, String subject, Role role, Instant expiresAt) {}
}
