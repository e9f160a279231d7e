package io.sanliu.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the figures were measured on. */
public final class MachineInfo {
  private static final Pattern CPU_MODEL = Pattern.compile("(?m)^model name\\s*:\\s*(.+)$");
  private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s*(\\d+) kB");

  private MachineInfo() {}

  public static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    read("/proc/cpuinfo", CPU_MODEL).ifPresent(v -> m.put("cpu", v.trim()));
    read("/proc/meminfo", MEM_TOTAL)
        .ifPresent(
            kb -> m.put("memoryGb", Math.round(Long.parseLong(kb) / 1024.0 / 1024.0 * 10) / 10.0));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    m.put("loadAverageAtStart", loadAverage());
    return m;
  }

  /** One-minute load average, or -1 where the platform has none. */
  public static double loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? -1 : Math.round(load * 100) / 100.0;
  }

  private static Optional<String> read(String file, Pattern pattern) {
    try {
      Matcher m = pattern.matcher(Files.readString(Path.of(file)));
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
