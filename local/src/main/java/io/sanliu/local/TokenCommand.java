package io.sanliu.local;

import io.sanliu.api.auth.ApiTokens;
import io.sanliu.api.auth.Role;
import io.sanliu.api.auth.TokenIssuer;
import io.sanliu.model.config.Config;
import io.sanliu.model.config.ConfigKey;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mints a query API token with the configured secret: how an operator gives a person or a screen
 * access where no identity provider signs tokens yet.
 */
@Command(
    name = "token",
    description =
        "Print a query API bearer token signed with SANLIU_API_JWT_SECRET"
            + " (roles: viewer, analyst, risk_officer, admin).")
final class TokenCommand implements Callable<Integer> {
  @Option(names = "--role", required = true, description = "viewer, analyst, risk_officer or admin")
  String role;

  @Option(names = "--subject", required = true, description = "who the token is for, e.g. alice")
  String subject;

  @Option(names = "--ttl", description = "lifetime, ISO-8601 (default: SANLIU_API_TOKEN_TTL)")
  String ttl;

  @Override
  public Integer call() {
    Config config = Config.fromEnvironment();
    String secret = config.get(ConfigKey.API_JWT_SECRET);
    if (secret.isEmpty()) {
      System.err.println(
          ConfigKey.API_JWT_SECRET.env()
              + " is not set: the API would not accept this token. Set it to the API's secret.");
      return 2;
    }
    Role r =
        Role.fromClaim(role.toLowerCase(Locale.ROOT))
            .orElseThrow(() -> new IllegalArgumentException("unknown role " + role));
    Duration lifetime =
        ttl == null ? config.getDuration(ConfigKey.API_TOKEN_TTL) : Duration.parse(ttl);
    Vertx vertx = Vertx.vertx();
    try {
      TokenIssuer issuer = ApiTokens.withSecret(vertx, secret).issuer(lifetime);
      System.out.println(issuer.issue(subject, r).token());
      return 0;
    } finally {
      vertx.close().await();
    }
  }
}
