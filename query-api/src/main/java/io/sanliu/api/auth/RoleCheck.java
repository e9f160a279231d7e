package io.sanliu.api.auth;

import io.sanliu.api.ApiProblem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.Set;

/** Lets a request through when its caller's role is one the route allows; 403 otherwise. */
public final class RoleCheck implements Handler<RoutingContext> {
  private final Set<Role> allowed;
  private final String action;

  public RoleCheck(Set<Role> allowed, String action) {
    // An EnumSet: the roles are named in a stable order in the 403's detail.
    this.allowed = EnumSet.copyOf(allowed);
    this.action = action;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Caller caller = Caller.of(ctx);
    if (allowed.contains(caller.role())) {
      ctx.next();
      return;
    }
    ctx.fail(
        ApiProblem.of(
                403,
                "role "
                    + caller.role().claim()
                    + " may not "
                    + action
                    + "; allowed: "
                    + Role.claims(allowed))
            .with("role", caller.role().claim()));
  }
}
