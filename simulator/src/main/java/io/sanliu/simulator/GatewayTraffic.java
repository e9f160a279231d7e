package io.sanliu.simulator;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The simulated zone's traffic into the ingest gateway at a steady rate, until stopped: a {@link
 * Simulator} with the gateway as its target and the default zone, anomalies included. Kept for
 * {@code sanliu local}; {@link Simulator} takes every option.
 */
public final class GatewayTraffic implements AutoCloseable {
  private final Simulator simulator;

  /**
   * @param eventsPerSecond documents per second, all types together (an order brings about
   *     seventeen: payment, list, waybill, receipts, tracking events...)
   */
  public GatewayTraffic(
      String gatewayUrl,
      Map<String, String> apiKeys,
      double eventsPerSecond,
      long seed,
      Consumer<String> log) {
    this.simulator =
        new Simulator(
            SimulatorOptions.defaults()
                .withRate(eventsPerSecond)
                .withSeed(seed)
                .withTarget(SimulatorTarget.gateway(gatewayUrl, apiKeys)),
            log);
  }

  public GatewayTraffic start() {
    simulator.start();
    return this;
  }

  /** Documents the gateway accepted (202). */
  public long accepted() {
    return simulator.accepted();
  }

  /** Documents not accepted: refused (deliberately invalid ones included) or not delivered. */
  public long refused() {
    return simulator.refused();
  }

  public Simulator simulator() {
    return simulator;
  }

  @Override
  public void close() {
    simulator.close();
  }
}
