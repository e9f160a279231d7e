package io.sanliu.api.tax;

import io.sanliu.api.Endpoints;
import io.sanliu.api.Params;
import io.sanliu.api.Reply;
import io.sanliu.api.auth.Role;
import io.sanliu.api.ledger.EnterpriseCode;
import io.sanliu.api.ledger.LedgerFilter;
import io.sanliu.api.ledger.MonthRange;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Set;

/** The tax services route (税务): an enterprise's tax summary per month. */
public final class TaxRoutes {
  private final TaxSummary summary;
  private final Clock clock;

  public TaxRoutes(TaxSummary summary, Clock clock) {
    this.summary = summary;
    this.clock = clock;
  }

  public void mount(Endpoints endpoints) {
    endpoints.secured(
        HttpMethod.GET, "/api/v1/tax/:code", Role.READERS, "read tax summaries", this::summary);
  }

  private Future<Reply> summary(RoutingContext ctx) {
    Params params = Params.of(ctx, Set.of("from", "to"));
    String code = EnterpriseCode.require(ctx.pathParam("code"));
    MonthRange range = MonthRange.of(params, clock);
    return summary.of(new LedgerFilter(code, range)).map(Reply::ok);
  }
}
