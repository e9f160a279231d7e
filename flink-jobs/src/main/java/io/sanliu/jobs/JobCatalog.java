package io.sanliu.jobs;

import io.sanliu.jobs.archive.DocumentArchiveJob;
import io.sanliu.jobs.credit.CreditJob;
import io.sanliu.jobs.index.CompositeIndexJob;
import io.sanliu.jobs.logistics.LogisticsJob;
import io.sanliu.jobs.risk.RiskEngineJob;
import io.sanliu.jobs.stats.OrdersPerModeJob;
import io.sanliu.jobs.stats.TradeStatisticsJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every job the platform runs, by name. Add a job here and {@code sanliu local} runs it. */
public final class JobCatalog {
  private static final Map<String, SanliuJob> JOBS = new LinkedHashMap<>();

  static {
    register(new OrdersPerModeJob());
    register(new RiskEngineJob());
    register(new LogisticsJob());
    register(new TradeStatisticsJob());
    register(new CompositeIndexJob());
    register(new DocumentArchiveJob());
    register(new CreditJob());
  }

  private JobCatalog() {}

  private static void register(SanliuJob job) {
    JOBS.put(job.name(), job);
  }

  public static List<SanliuJob> all() {
    return List.copyOf(JOBS.values());
  }

  public static SanliuJob byName(String name) {
    SanliuJob job = JOBS.get(name);
    if (job == null) {
      throw new IllegalArgumentException(
          "unknown job '" + name + "'; known jobs: " + JOBS.keySet());
    }
    return job;
  }
}
