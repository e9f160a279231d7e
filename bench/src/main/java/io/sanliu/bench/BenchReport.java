package io.sanliu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one bench run, in the order measured, with what is needed to judge them: the
 * machine, the parameters, and facts about the environment (start-up times, say). Later benchmarks
 * add their rows to the same report and compare them with the baselines by name.
 */
public final class BenchReport {
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String kind;
  private final Instant startedAt;
  private Instant finishedAt;
  private final Map<String, Object> machine;
  private final Map<String, Object> parameters = new LinkedHashMap<>();
  private final Map<String, Object> environment = new LinkedHashMap<>();
  private final List<BenchResult> results = new ArrayList<>();

  /**
   * @param kind what was run, e.g. {@code baseline}; names the output files
   */
  public BenchReport(String kind, Instant startedAt, Map<String, Object> machine) {
    this.kind = kind;
    this.startedAt = startedAt;
    this.machine = new LinkedHashMap<>(machine);
  }

  public String kind() {
    return kind;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public BenchReport parameter(String name, Object value) {
    parameters.put(name, value);
    return this;
  }

  /** A fact about this run that is not a result, e.g. how long Elasticsearch took to start. */
  public BenchReport environment(String name, Object value) {
    environment.put(name, value);
    return this;
  }

  public BenchReport add(BenchResult result) {
    if (find(result.name()).isPresent()) {
      throw new IllegalArgumentException("a row named " + result.name() + " exists already");
    }
    results.add(result);
    return this;
  }

  public BenchReport finished(Instant at) {
    this.finishedAt = at;
    return this;
  }

  public List<BenchResult> results() {
    return List.copyOf(results);
  }

  public Map<String, Object> machine() {
    return Map.copyOf(machine);
  }

  public Optional<BenchResult> find(String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** This row's rate divided by its baseline's, if it names one that is in the report. */
  public Optional<Double> vsBaseline(BenchResult result) {
    if (result.baseline() == null) return Optional.empty();
    return find(result.baseline()).map(b -> result.perSecond() / b.perSecond());
  }

  public String toJson() {
    ObjectMapper mapper = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("kind", kind);
    root.put("startedAt", startedAt.toString());
    if (finishedAt != null) root.put("finishedAt", finishedAt.toString());
    root.set("machine", mapper.valueToTree(machine));
    root.set("parameters", mapper.valueToTree(parameters));
    root.set("environment", mapper.valueToTree(environment));
    ArrayNode rows = root.putArray("results");
    for (BenchResult r : results) {
      ObjectNode row = rows.addObject();
      row.put("name", r.name());
      row.put("unit", r.unit());
      row.put("count", r.count());
      row.put("seconds", round(r.seconds(), 3));
      row.put("perSecond", round(r.perSecond(), 1));
      if (r.mbPerSecond() != null) row.put("mbPerSecond", round(r.mbPerSecond(), 2));
      row.put("minPerSecond", round(r.minPerSecond(), 1));
      row.put("maxPerSecond", round(r.maxPerSecond(), 1));
      if (r.baseline() != null) {
        row.put("baseline", r.baseline());
        vsBaseline(r).ifPresent(ratio -> row.put("vsBaseline", round(ratio, 3)));
      }
      if (r.loadAverage() >= 0) row.put("loadAverage", round(r.loadAverage(), 2));
      row.put("notes", r.notes());
      ArrayNode reps = row.putArray("repetitions");
      for (Repetition rep : r.repetitions()) {
        ObjectNode node = reps.addObject();
        node.put("count", rep.count());
        if (rep.bytes() >= 0) node.put("bytes", rep.bytes());
        node.put("seconds", round(rep.seconds(), 3));
        node.put("perSecond", round(rep.perSecond(), 1));
      }
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes {@code <kind>-<UTC start time>.json} and a copy as {@code <kind>-latest.json}.
   *
   * @return the timestamped file
   */
  public Path write(Path directory) {
    try {
      Files.createDirectories(directory);
      Path file = directory.resolve(kind + "-" + FILE_TIME.format(startedAt) + ".json");
      Files.writeString(file, toJson());
      Files.copy(
          file, directory.resolve(kind + "-latest.json"), StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results to " + directory, e);
    }
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
