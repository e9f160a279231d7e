package io.sanliu.bench;

import java.util.List;

/** Load sent to Kafka while a job runs: live simulated zones, or a replay of their recording. */
interface SimulatedTraffic extends AutoCloseable {
  /** Records handed to Kafka so far. */
  long documents();

  /** What each sender did, one line each. */
  List<String> summaries();

  /** Stops sending; what was sent is flushed. */
  @Override
  void close();
}
