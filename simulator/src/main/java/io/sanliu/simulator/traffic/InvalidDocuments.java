package io.sanliu.simulator.traffic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sanliu.model.events.EventType;
import io.sanliu.model.kafka.DeadLetter.FieldError;
import io.sanliu.simulator.zone.Rand;
import java.math.BigDecimal;

/**
 * The mistakes of a sender whose system has gone wrong: each breaks one rule the gateway's readers
 * enforce, so the document is refused (400) with an error at the named path.
 */
final class InvalidDocuments {
  private InvalidDocuments() {}

  /** Breaks a valid document in place; returns what the gateway should say about it. */
  static FieldError breakIt(EventType type, ObjectNode o, Rand r) {
    return switch (type) {
      case ORDER -> order(o, r.below(10));
      case PAYMENT -> payment(o, r.below(6));
      case WAYBILL -> waybill(o, r.below(6));
      default -> throw new IllegalArgumentException("no invalid " + type + " documents");
    };
  }

  private static FieldError order(ObjectNode o, int how) {
    switch (how) {
      case 0 -> {
        o.remove("orderNo");
        return new FieldError("orderNo", "is required");
      }
      case 1 -> {
        o.put("currency", "RMB");
        return new FieldError("currency", "must be a customs currency code");
      }
      case 2 -> {
        o.put("goodsValue", "12,34");
        return new FieldError("goodsValue", "must be a decimal number");
      }
      case 3 -> {
        o.putArray("items");
        return new FieldError("items", "an order needs at least one item");
      }
      case 4 -> {
        ((ObjectNode) o.get("items").get(0)).put("qty", "two");
        return new FieldError("items[0].qty", "must be a decimal number");
      }
      case 5 -> {
        o.put("appTime", "2026-13-45 25:00:00");
        return new FieldError("appTime", "is not a time");
      }
      case 6 -> {
        BigDecimal v = new BigDecimal(o.get("goodsValue").asText()).add(new BigDecimal("100.00"));
        o.put("goodsValue", v.toPlainString());
        return new FieldError("goodsValue", "the items' totalPrice add up to");
      }
      case 7 -> {
        o.put("freight", "-5.00");
        return new FieldError("freight", "must not be negative");
      }
      case 8 -> {
        o.put("orderType", "X");
        return new FieldError("orderType", "ieFlag must be I or E");
      }
      default -> {
        o.put("tradeMode", "9999");
        return new FieldError("tradeMode", "tradeMode must be one of 9610, 1210, 9710, 9810");
      }
    }
  }

  private static FieldError payment(ObjectNode o, int how) {
    switch (how) {
      case 0 -> {
        o.remove("payerIdNumber");
        return new FieldError("payerIdNumber", "is required");
      }
      case 1 -> {
        o.put("amountPaid", "NaN");
        return new FieldError("amountPaid", "must be a decimal number");
      }
      case 2 -> {
        o.put("currency", "CNY");
        return new FieldError("currency", "must be a customs currency code");
      }
      case 3 -> {
        o.put("payerIdType", "9");
        return new FieldError("payerIdType", "ID type must be 1 (resident ID card) or 2");
      }
      case 4 -> {
        o.put("payTime", "yesterday");
        return new FieldError("payTime", "is not a time");
      }
      default -> {
        o.remove("payTransactionId");
        return new FieldError("payTransactionId", "is required");
      }
    }
  }

  private static FieldError waybill(ObjectNode o, int how) {
    switch (how) {
      case 0 -> {
        o.remove("weight");
        return new FieldError("weight", "is required");
      }
      case 1 -> {
        o.put("ieFlag", "X");
        return new FieldError("ieFlag", "ieFlag must be I or E");
      }
      case 2 -> {
        o.put("weight", "-1.200");
        return new FieldError("weight", "must not be negative");
      }
      case 3 -> {
        o.put("packNo", "1.5");
        return new FieldError("packNo", "must be a whole number");
      }
      case 4 -> {
        o.remove("logisticsNo");
        return new FieldError("logisticsNo", "is required");
      }
      default -> {
        o.put("appTime", "");
        return new FieldError("appTime", "is required");
      }
    }
  }
}
