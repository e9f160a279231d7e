package io.sanliu.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time used so far by this JVM and by the Elasticsearch server, with the wall clock: over a
 * run, how much of the machine each took.
 *
 * @param jvmNanos this process's CPU time
 * @param elasticsearchNanos the Elasticsearch server's (its process tree), -1 when unknown
 * @param wallNanos {@link System#nanoTime()}
 */
record CpuClock(long jvmNanos, long elasticsearchNanos, long wallNanos) {

  static CpuClock now(Supplier<Duration> elasticsearch) {
    long jvm =
        ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime()
            : -1;
    Duration es = elasticsearch == null ? null : elasticsearch.get();
    return new CpuClock(jvm, es == null ? -1 : es.toNanos(), System.nanoTime());
  }

  /** Seconds of wall time, of this JVM's CPU and of Elasticsearch's since {@code start}. */
  Map<String, Object> since(CpuClock start) {
    Map<String, Object> used = new LinkedHashMap<>();
    used.put("wallSeconds", seconds(wallNanos - start.wallNanos));
    if (jvmNanos >= 0 && start.jvmNanos >= 0) {
      used.put("jvmCpuSeconds", seconds(jvmNanos - start.jvmNanos));
    }
    if (elasticsearchNanos >= 0 && start.elasticsearchNanos >= 0) {
      used.put("elasticsearchCpuSeconds", seconds(elasticsearchNanos - start.elasticsearchNanos));
    }
    return used;
  }

  private static double seconds(long nanos) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.2f", nanos / 1e9));
  }
}
