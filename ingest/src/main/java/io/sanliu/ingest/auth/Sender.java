package io.sanliu.ingest.auth;

/** An authenticated participant: its code (ebpCode, payCode, logisticsCode...) and role. */
public record Sender(String code, SenderRole role) {}
