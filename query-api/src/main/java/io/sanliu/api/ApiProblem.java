package io.sanliu.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be served, as an RFC 9457 problem: the status, a detail a person can act
 * on, optional extension members (e.g. the list of invalid parameters) and response headers (e.g.
 * {@code Retry-After}). Handlers fail their future with one; the failure handler renders it.
 */
public final class ApiProblem extends RuntimeException {
  private final int status;
  private final Map<String, Object> extensions = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  private ApiProblem(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  public static ApiProblem of(int status, String detail) {
    return new ApiProblem(status, detail);
  }

  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, detail);
  }

  public static ApiProblem notFound(String detail) {
    return new ApiProblem(404, detail);
  }

  public static ApiProblem conflict(String detail) {
    return new ApiProblem(409, detail);
  }

  /** The members RFC 9457 defines; an extension may not replace them. */
  static final java.util.Set<String> STANDARD_MEMBERS =
      java.util.Set.of("type", "title", "status", "detail", "instance");

  /** Adds an extension member to the problem document. */
  public ApiProblem with(String member, Object value) {
    if (STANDARD_MEMBERS.contains(member)) {
      throw new IllegalArgumentException(member + " is a standard member of a problem");
    }
    extensions.put(member, value);
    return this;
  }

  /** Adds a response header (e.g. Retry-After). */
  public ApiProblem header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
