package io.sanliu.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.elasticsearch.client.ResponseException;

/**
 * Every Elasticsearch call of the API goes through here: timed ({@code
 * sanliu_api_elasticsearch_seconds{query=...}}) and bridged from the client's CompletableFuture
 * back onto the calling Vert.x context, so handlers continue on their event loop.
 */
public final class ElasticCalls {
  private final MeterRegistry registry;

  public ElasticCalls(MeterRegistry registry) {
    this.registry = registry;
  }

  public <T> Future<T> call(String query, Supplier<CompletableFuture<T>> call) {
    Timer.Sample sample = Timer.start(registry);
    Context context = Vertx.currentContext();
    CompletableFuture<T> cf;
    try {
      cf = call.get();
    } catch (RuntimeException e) {
      cf = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<T> timed =
        cf.whenComplete(
            (result, failure) ->
                sample.stop(
                    Timer.builder("sanliu.api.elasticsearch")
                        .description("Elasticsearch calls of the query API")
                        .tag("query", query)
                        .tag("outcome", failure == null ? "ok" : "error")
                        .publishPercentileHistogram()
                        .register(registry)));
    Future<T> bridged =
        context == null
            ? Future.fromCompletionStage(timed)
            : Future.fromCompletionStage(timed, context);
    // Handlers see the client's own exception, not the CompletionException around it.
    return bridged.recover(e -> Future.failedFuture(ProblemResponses.unwrap(e)));
  }

  /**
   * The HTTP status Elasticsearch answered a failed call with (typed error or transport error), or
   * -1 when it did not answer.
   */
  public static int status(Throwable failure) {
    Throwable e = ProblemResponses.unwrap(failure);
    if (e instanceof ElasticsearchException es) return es.status();
    if (e instanceof TransportException te) return te.statusCode();
    // The async transport passes some error answers on as the low-level client's exception.
    if (e instanceof ResponseException re) return re.getResponse().getStatusLine().getStatusCode();
    return -1;
  }

  /** How many calls of {@code query} completed (for tests of the cache). */
  public long count(String query) {
    return registry.find("sanliu.api.elasticsearch").tag("query", query).timers().stream()
        .mapToLong(Timer::count)
        .sum();
  }
}
