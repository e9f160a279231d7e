package io.sanliu.simulator;

/**
 * A simulated participant of the zone: its code (ebpCode, payCode, logisticsCode...), its role at
 * the gateway (PLATFORM, PAYMENT, LOGISTICS, CUSTOMS, ZONE) and its name.
 */
public record Participant(String code, String role, String name) {}
