package io.sanliu.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.sanliu.model.elastic.Indices;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.events.Severity;
import io.sanliu.model.risk.AlertStatus;
import io.sanliu.model.risk.RuleType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Synthetic alerts, written to Elasticsearch as the risk engine's sink writes them. */
final class TestAlerts {
  private TestAlerts() {}

  static RiskAlert alert(
      String alertId,
      String ruleId,
      RuleType type,
      Severity severity,
      double score,
      boolean shadow,
      String enterpriseCode,
      Instant detectedAt,
      Map<String, String> evidence,
      String explanationZh,
      String explanationEn) {
    return new RiskAlert(
        alertId,
        ruleId,
        1,
        type,
        type.nameZh(),
        type.nameEn(),
        severity,
        score,
        AlertStatus.OPEN,
        shadow,
        List.of("4403169D3W:SO-" + alertId),
        List.of(),
        enterpriseCode,
        List.of(),
        Map.of("buyer", "hash-of-" + alertId),
        explanationZh,
        explanationEn,
        evidence,
        detectedAt.minusSeconds(30),
        detectedAt,
        detectedAt.minusSeconds(31));
  }

  static RiskAlert simple(
      String alertId, String ruleId, Severity severity, String enterpriseCode, Instant detectedAt) {
    return alert(
        alertId,
        ruleId,
        RuleType.SINGLE_LIMIT,
        severity,
        50,
        false,
        enterpriseCode,
        detectedAt,
        Map.of("limit", "5000"),
        "单笔超限",
        "single limit");
  }

  /** Indexes whole documents by alert id (the engine's write: a later one replaces it whole). */
  static void index(ElasticsearchClient es, List<RiskAlert> alerts) {
    try {
      for (int from = 0; from < alerts.size(); from += 2_000) {
        List<RiskAlert> chunk = alerts.subList(from, Math.min(alerts.size(), from + 2_000));
        BulkResponse r =
            es.bulk(
                b -> {
                  for (RiskAlert a : chunk) {
                    b.operations(
                        op -> op.index(i -> i.index(Indices.ALERTS).id(a.alertId()).document(a)));
                  }
                  return b.refresh(Refresh.WaitFor);
                });
        if (r.errors())
          throw new IllegalStateException("bulk refused: " + r.items().get(0).error());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
