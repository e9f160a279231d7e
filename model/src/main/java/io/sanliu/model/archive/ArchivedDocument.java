package io.sanliu.model.archive;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.sanliu.model.Json;
import io.sanliu.model.events.BusinessEvent;
import io.sanliu.model.events.CustomsList;
import io.sanliu.model.events.CustomsReceipt;
import io.sanliu.model.events.DocumentKeys;
import io.sanliu.model.events.EnterpriseFiling;
import io.sanliu.model.events.Envelope;
import io.sanliu.model.events.Evaluation;
import io.sanliu.model.events.GoodsFiling;
import io.sanliu.model.events.LogisticsEvent;
import io.sanliu.model.events.Order;
import io.sanliu.model.events.Payment;
import io.sanliu.model.events.Waybill;
import io.sanliu.model.privacy.PersonalField;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One business document as the archive keeps it in {@code sanliu-documents}, for the order trace
 * (源头可溯、去向可查) and the enterprise profile: the keys it is found by, a few keyword fields, and the
 * payload as it travelled on Kafka (personal values already a keyed hash and a masked form; the
 * clear value never reaches Kafka). The body is stored, not indexed.
 *
 * @param id deterministic: type, sender and record guid, so a replay overwrites
 * @param keys every business key that reaches this document: its order (ebpCode:orderNo), waybill
 *     (logisticsCode:logisticsNo), payment (payCode:pay:transaction) and list (ebpCode:list:no)
 *     keys, as {@link DocumentKeys} builds them; the trace follows them from an order to its
 *     waybill, its tracking events and receipts that name only their own document
 * @param enterpriseCode the e-commerce enterprise (ebcCode), or the filed enterprise
 * @param status appStatus, a receipt's returnStatus or a tracking event's status
 * @param personalFields the payload's top-level fields that hold a person's data (hidden from roles
 *     that do not need them)
 * @param body the payload's JSON
 */
public record ArchivedDocument(
    String id,
    String type,
    List<String> keys,
    String ebpCode,
    String orderNo,
    String logisticsCode,
    String logisticsNo,
    String enterpriseCode,
    String direction,
    String tradeMode,
    String guid,
    String appType,
    String status,
    String sender,
    Instant documentTime,
    Instant ingestTime,
    int schemaVersion,
    List<String> personalFields,
    @JsonRawValue String body) {

  /** Free-text fields a person writes about themselves or others: treated as personal too. */
  static final Set<String> FREE_TEXT_PERSONAL = Set.of("comment");

  public static ArchivedDocument of(Envelope<? extends BusinessEvent> envelope) {
    BusinessEvent payload = envelope.payload();
    Fields f = Fields.of(payload);
    String guid = envelope.messageGuid();
    String id =
        envelope.type().name()
            + ":"
            + envelope.source()
            + ":"
            + (guid != null ? guid : payload.businessKey() + "@" + envelope.eventTime());
    return new ArchivedDocument(
        id,
        envelope.type().name(),
        List.copyOf(f.keys),
        f.ebpCode,
        f.orderNo,
        f.logisticsCode,
        f.logisticsNo,
        f.enterpriseCode,
        f.direction,
        f.tradeMode,
        guid,
        f.appType,
        f.status,
        envelope.source(),
        envelope.eventTime(),
        envelope.ingestTime(),
        envelope.schemaVersion(),
        personalFields(payload),
        json(payload));
  }

  /** The payload's record components that are personal values (hash + masked) or free text. */
  static List<String> personalFields(BusinessEvent payload) {
    List<String> out = new ArrayList<>();
    RecordComponent[] components = payload.getClass().getRecordComponents();
    if (components == null) return out;
    for (RecordComponent c : components) {
      if (c.getType() == PersonalField.class || FREE_TEXT_PERSONAL.contains(c.getName())) {
        out.add(c.getName());
      }
    }
    return out;
  }

  private static String json(Object payload) {
    try {
      return Json.mapper().writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write a document body", e);
    }
  }

  /** The keyword fields of one payload, by its type. */
  private static final class Fields {
    final Set<String> keys = new LinkedHashSet<>();
    String ebpCode;
    String orderNo;
    String logisticsCode;
    String logisticsNo;
    String enterpriseCode;
    String direction;
    String tradeMode;
    String appType;
    String status;

    static Fields of(BusinessEvent payload) {
      Fields f = new Fields();
      if (payload instanceof Order o) {
        f.order(o.ebpCode(), o.orderNo());
        f.payment(o.payCode(), o.payTransactionId());
        f.enterpriseCode = o.ebcCode();
        f.direction = o.direction() == null ? null : o.direction().name();
        f.tradeMode = o.tradeMode() == null ? null : o.tradeMode().code();
        f.appType = o.appType() == null ? null : o.appType().code();
        f.status = o.appStatus();
      } else if (payload instanceof Payment p) {
        f.order(p.ebpCode(), p.orderNo());
        f.payment(p.payCode(), p.payTransactionId());
        f.appType = p.appType() == null ? null : p.appType().code();
        f.status = p.appStatus();
      } else if (payload instanceof Waybill w) {
        f.order(w.ebpCode(), w.orderNo());
        f.waybill(w.logisticsCode(), w.logisticsNo());
        f.direction = w.direction() == null ? null : w.direction().name();
        f.appType = w.appType() == null ? null : w.appType().code();
        f.status = w.appStatus();
      } else if (payload instanceof LogisticsEvent e) {
        f.waybill(e.logisticsCode(), e.logisticsNo());
        f.status = e.status() == null ? null : e.status().name();
      } else if (payload instanceof CustomsList l) {
        f.order(l.ebpCode(), l.orderNo());
        f.waybill(l.logisticsCode(), l.logisticsNo());
        f.list(l.ebpCode(), l.copNo());
        f.list(l.ebpCode(), l.invtNo());
        f.enterpriseCode = l.ebcCode();
        f.direction = l.direction() == null ? null : l.direction().name();
        f.tradeMode = l.tradeMode() == null ? null : l.tradeMode().code();
        f.appType = l.appType() == null ? null : l.appType().code();
        f.status = l.appStatus();
      } else if (payload instanceof CustomsReceipt r) {
        f.order(r.ebpCode(), r.orderNo());
        f.waybill(r.logisticsCode(), r.logisticsNo());
        f.payment(r.payCode(), r.payTransactionId());
        f.list(r.ebpCode(), r.copNo());
        f.list(r.ebpCode(), r.invtNo());
        f.status = r.returnStatus();
      } else if (payload instanceof Evaluation e) {
        f.order(e.ebpCode(), e.orderNo());
        f.enterpriseCode = e.ebcCode();
      } else if (payload instanceof EnterpriseFiling e) {
        f.enterpriseCode = e.enterpriseCode();
        f.appType = e.appType() == null ? null : e.appType().code();
      } else if (payload instanceof GoodsFiling g) {
        f.enterpriseCode = g.ebcCode();
        f.appType = g.appType() == null ? null : g.appType().code();
      }
      // Whatever else names it (e.g. a receipt keyed by its list number alone).
      if (payload.businessKey() != null) f.keys.add(payload.businessKey());
      return f;
    }

    void order(String ebp, String no) {
      if (ebp == null || no == null) return;
      ebpCode = ebp;
      orderNo = no;
      keys.add(DocumentKeys.order(ebp, no));
    }

    void waybill(String code, String no) {
      if (code == null || no == null) return;
      logisticsCode = code;
      logisticsNo = no;
      keys.add(DocumentKeys.waybill(code, no));
    }

    void payment(String payCode, String transactionId) {
      if (payCode == null || transactionId == null) return;
      keys.add(DocumentKeys.payment(payCode, transactionId));
    }

    void list(String ebp, String listNo) {
      if (ebp == null || listNo == null) return;
      ebpCode = ebpCode == null ? ebp : ebpCode;
      keys.add(DocumentKeys.customsList(ebp, listNo));
    }
  }
}
