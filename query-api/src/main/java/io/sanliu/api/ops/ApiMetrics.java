package io.sanliu.api.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sanliu.api.Endpoints;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;

/**
 * The API's Micrometer registry, scraped by Prometheus at {@code /metrics}: request latency per
 * route, method and status ({@code sanliu_api_requests_seconds}), Elasticsearch query time per
 * query ({@code sanliu_api_elasticsearch_seconds}, see {@link io.sanliu.api.ElasticCalls}), cache
 * hits, stream clients, JVM memory, GC and threads.
 */
public final class ApiMetrics implements AutoCloseable {
  public static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public ApiMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The exposition text of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** The first handler of every request: times it until the response ends. */
  public Handler<RoutingContext> requestTimer() {
    return ctx -> {
      long start = System.nanoTime();
      ctx.addEndHandler(
          done -> {
            String route = ctx.get(Endpoints.ROUTE_KEY);
            Timer.builder("sanliu.api.requests")
                .description("Query API requests, until the response ended")
                .tag("method", ctx.request().method().name())
                .tag("route", route == null ? "unmatched" : route)
                .tag("status", Integer.toString(ctx.response().getStatusCode()))
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
          });
      ctx.next();
    };
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
