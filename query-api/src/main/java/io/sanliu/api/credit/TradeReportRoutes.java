package io.sanliu.api.credit;

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

/** The financial services route (金融服务): an enterprise's trade credit report. */
public final class TradeReportRoutes {
  private final TradeReport report;
  private final Clock clock;

  public TradeReportRoutes(TradeReport report, Clock clock) {
    this.report = report;
    this.clock = clock;
  }

  public void mount(Endpoints endpoints) {
    endpoints.secured(
        HttpMethod.GET,
        "/api/v1/credit/:code/trade-report",
        Role.READERS,
        "read trade credit reports",
        this::report);
  }

  private Future<Reply> report(RoutingContext ctx) {
    Params params = Params.of(ctx, Set.of("from", "to"));
    String code = EnterpriseCode.require(ctx.pathParam("code"));
    MonthRange range = MonthRange.of(params, clock);
    return report.of(new LedgerFilter(code, range)).map(Reply::ok);
  }
}
