package io.sanliu.api.auth;

import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * The API's bearer tokens: HS256 JWTs signed with one shared secret ({@code
 * SANLIU_API_JWT_SECRET}), carrying the subject ({@code sub}), the {@link Role} ({@code role}), the
 * issuer {@value #ISSUER} and an expiry. Without a configured secret a random one is drawn, so only
 * this process's tokens are valid (and they die with it).
 */
public final class ApiTokens {
  public static final String ISSUER = "sanliu";
  public static final String ALGORITHM = "HS256";

  /** 256 bits: HS256's key should be at least as long as its hash. */
  public static final int MIN_SECRET_LENGTH = 32;

  private final JWTAuth jwt;
  private final boolean randomSecret;

  private ApiTokens(JWTAuth jwt, boolean randomSecret) {
    this.jwt = jwt;
    this.randomSecret = randomSecret;
  }

  public static ApiTokens from(Vertx vertx, Config config) {
    String secret = config.get(ConfigKey.API_JWT_SECRET);
    if (secret.isEmpty()) return new ApiTokens(jwt(vertx, drawSecret()), true);
    return withSecret(vertx, secret);
  }

  public static ApiTokens withSecret(Vertx vertx, String secret) {
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          ConfigKey.API_JWT_SECRET.env()
              + " must be at least "
              + MIN_SECRET_LENGTH
              + " characters (e.g. openssl rand -hex 32), not "
              + secret.length());
    }
    return new ApiTokens(jwt(vertx, secret), false);
  }

  private static JWTAuth jwt(Vertx vertx, String secret) {
    return JWTAuth.create(
        vertx,
        new JWTAuthOptions()
            .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret))
            // Checked on every token: a token of another issuer with the same secret is refused.
            .setJWTOptions(new JWTOptions().setIssuer(ISSUER)));
  }

  private static String drawSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the secret was drawn at random for this process (none configured). */
  public boolean randomSecret() {
    return randomSecret;
  }

  public TokenIssuer issuer(Duration ttl) {
    return new TokenIssuer(jwt, ttl, Clock.systemUTC());
  }

  /**
   * The caller of a token: signature, issuer and expiry checked by the JWT provider, then the
   * subject and role claims by us. Fails with a message fit for a 401's detail.
   */
  public Future<Caller> verify(String token) {
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new InvalidTokenException(e.getMessage())))
        .compose(ApiTokens::caller);
  }

  private static Future<Caller> caller(User user) {
    String subject = user.subject();
    Object claim = user.get("role");
    if (subject == null || subject.isBlank()) {
      return Future.failedFuture(new InvalidTokenException("the token names no subject (sub)"));
    }
    return Role.fromClaim(claim == null ? null : claim.toString())
        .map(role -> Future.succeededFuture(new Caller(subject, role)))
        .orElseGet(
            () ->
                Future.failedFuture(
                    new InvalidTokenException(
                        "the token's role claim '"
                            + claim
                            + "' is none of "
                            + Role.claims(Role.ALL))));
  }

  /** A token that is malformed, forged, expired or lacks our claims. */
  public static final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
      super(message, null, false, false);
    }
  }
}
