package io.sanliu.api;

import static io.sanliu.api.ApiFixture.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sanliu.api.auth.Role;
import io.sanliu.model.config.ConfigKey;
import io.sanliu.testkit.SanliuStack;
import io.sanliu.testkit.SanliuStackExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One token bucket per subject: a busy subject is slowed down, the others are not. */
@ExtendWith(SanliuStackExtension.class)
class RateLimitTest {
  static ApiFixture api;

  @BeforeAll
  static void start(SanliuStack stack) {
    api =
        ApiFixture.start(
            stack, Map.of(ConfigKey.API_RATE_LIMIT, "1", ConfigKey.API_RATE_BURST, "3"));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  HttpResponse<String> as(String subject) {
    return api.send(
        api.request("/api/v1/rule-types", null)
            .header("Authorization", "Bearer " + api.issuer.issue(subject, Role.VIEWER).token()));
  }

  @Test
  void aSubjectBeyondItsBurstGets429WithRetryAfter() {
    for (int i = 0; i < 3; i++) assertEquals(200, as("busy-screen").statusCode(), "burst " + i);
    HttpResponse<String> limited = as("busy-screen");
    JsonNode p = problem(limited, 429);
    assertTrue(p.get("detail").asText().contains("busy-screen"), p::toString);
    int retryAfter = Integer.parseInt(limited.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);

    assertEquals(200, as("quiet-screen").statusCode(), "other subjects are not affected");
  }

  @Test
  void publicRoutesAreNotCountedAgainstASubject() {
    for (int i = 0; i < 10; i++) assertEquals(200, api.get("/health", null).statusCode());
  }
}
