package io.sanliu.api.ops;

import io.sanliu.api.Endpoints;
import io.sanliu.api.Reply;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3 description of every route, kept by hand as a
 * resource ({@value #RESOURCE}); a test checks that every route of the router is in it.
 */
public final class OpenApiRoutes {
  public static final String RESOURCE = "sanliu-api/openapi.json";

  private final Buffer document;

  public OpenApiRoutes() {
    try (InputStream in = OpenApiRoutes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      this.document = Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void mount(Endpoints endpoints) {
    endpoints.open(
        HttpMethod.GET,
        "/api/v1/openapi.json",
        ctx -> Future.succeededFuture(new Reply(200, Reply.JSON, document, Map.of())));
  }
}
