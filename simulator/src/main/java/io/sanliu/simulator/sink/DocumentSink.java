package io.sanliu.simulator.sink;

import io.sanliu.simulator.traffic.Doc;
import java.util.List;

/** Where the simulated participants' documents go: the HTTP gateway, or Kafka directly. */
public interface DocumentSink extends AutoCloseable {

  /** Sends reference data (the zone's filings) before any traffic, and waits until it is stored. */
  void sendReferenceData(List<Doc> docs) throws InterruptedException;

  /** Sends one document; blocks while too many are under way. */
  void send(Doc doc) throws InterruptedException;

  DeliveryCounts counts();

  /** Waits (a while) for the documents under way, then lets go of connections. */
  @Override
  void close();
}
