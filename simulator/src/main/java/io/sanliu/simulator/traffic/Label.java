package io.sanliu.simulator.traffic;

import io.sanliu.model.simulation.GroundTruth;
import java.time.Instant;

/**
 * A ground-truth label, due when the anomaly is complete (the spike over, the crossing order
 * placed...); its own event time may be earlier.
 */
public record Label(Instant dueAt, GroundTruth truth) implements Emission {}
