package io.sanliu.jobs.credit;

import io.sanliu.model.credit.CreditFact;
import io.sanliu.model.credit.CreditFact.Kind;
import io.sanliu.model.credit.Participant;
import io.sanliu.model.events.CustomsReceipt;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by parcel ({@code ebpCode:orderNo}): gives each parcel's evidence to the participants the
 * parcel's documents name. A match result and each counted customs status go to the enterprise, the
 * platform, and (match) the payment firm and (customs) the logistics firm; a parcel matched and
 * released counts as verified turnover of the enterprise and the platform; an alert naming the
 * parcel, the review that closed it, and a consumer's evaluation go to its enterprise (an
 * evaluation naming its enterprise goes there at once). Each is reported once per parcel, whatever
 * arrives twice. Evidence that comes before the order or list naming the enterprise waits for it;
 * the parcel is forgotten {@code retention} (event time) after its last signal, so a review later
 * than that is not attributed.
 */
public class ParcelAttribution extends KeyedProcessFunction<String, ParcelSignal, CreditFact> {
  private final long retentionMillis;
  private transient ValueState<ParcelFacts> state;

  public ParcelAttribution(Duration retention) {
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    state =
        getRuntimeContext()
            .getState(new ValueStateDescriptor<>("parcel", TypeInformation.of(ParcelFacts.class)));
  }

  @Override
  public void processElement(ParcelSignal s, Context ctx, Collector<CreditFact> out)
      throws Exception {
    ParcelFacts p = state.value();
    if (p == null) p = new ParcelFacts();
    long t = s.time() != null ? s.time().toEpochMilli() : ctx.timestamp();
    if (t > p.lastTime) {
      p.lastTime = t;
      ctx.timerService().registerEventTimeTimer(t + retentionMillis);
    }
    switch (s.kind()) {
      case ORDER -> {
        p.ebcCode = first(p.ebcCode, s.ebcCode());
        p.ebpCode = first(p.ebpCode, s.ebpCode());
        p.payCode = first(p.payCode, s.payCode());
        if (s.amountCny() != null) p.amountCny = s.amountCny();
      }
      case LIST -> {
        p.ebcCode = first(p.ebcCode, s.ebcCode());
        p.ebpCode = first(p.ebpCode, s.ebpCode());
        p.logisticsCode = first(p.logisticsCode, s.logisticsCode());
      }
      case EVALUATION -> {
        if (s.ebcCode() != null) report(p, s, out);
        else p.pending.add(s);
      }
      default -> p.pending.add(s);
    }
    if (p.ebcCode != null && !p.pending.isEmpty()) {
      for (ParcelSignal waiting : p.pending) report(p, waiting, out);
      p.pending.clear();
    }
    if (p.ebcCode != null) verify(p, Instant.ofEpochMilli(p.lastTime), out);
    state.update(p);
  }

  private static void report(ParcelFacts p, ParcelSignal s, Collector<CreditFact> out) {
    Instant at = s.time();
    switch (s.kind()) {
      case MATCH -> {
        if (p.matchReported != 0) return;
        p.matchReported = s.matched() ? 1 : 2;
        Kind kind = s.matched() ? Kind.PARCEL_MATCHED : Kind.PARCEL_FAILED;
        emit(p.ebcCode, Participant.ENTERPRISE, kind, at, out);
        emit(p.ebpCode, Participant.PLATFORM, kind, at, out);
        emit(p.payCode, Participant.PAYMENT, kind, at, out);
        emit(p.logisticsCode, Participant.LOGISTICS, kind, at, out);
      }
      case CUSTOMS_STATUS -> {
        if (!p.statusesReported.add(s.status())) return;
        Kind kind =
            switch (s.status()) {
              case CustomsReceipt.RELEASED -> Kind.LIST_RELEASED;
              case CustomsReceipt.INSPECTION -> Kind.LIST_INSPECTED;
              default -> Kind.LIST_RETURNED;
            };
        if (kind == Kind.LIST_RELEASED) p.released = true;
        emit(p.ebcCode, Participant.ENTERPRISE, kind, at, out);
        emit(p.ebpCode, Participant.PLATFORM, kind, at, out);
        emit(p.logisticsCode, Participant.LOGISTICS, kind, at, out);
      }
      case ALERT -> {
        if (!p.alertsReported.add(s.alertId())) return;
        out.collect(
            CreditFact.alert(
                p.ebcCode, Participant.ENTERPRISE, at, s.alertId(), s.ruleType(), s.severity()));
      }
      case REVIEW -> {
        if (!p.reviewsReported.add(s.alertId())) return;
        out.collect(CreditFact.review(p.ebcCode, at, s.alertId(), s.status()));
      }
      case EVALUATION -> {
        if (!p.evaluationsReported.add(s.evaluationId())) return;
        String code = s.ebcCode() != null ? s.ebcCode() : p.ebcCode;
        out.collect(
            CreditFact.evaluation(code, at, s.evaluationId(), s.evaluationScore(), s.complaint()));
      }
      default -> {}
    }
  }

  /** Verified turnover once the parcel is both matched and released. */
  private static void verify(ParcelFacts p, Instant at, Collector<CreditFact> out) {
    if (p.verifiedReported || p.matchReported != 1 || !p.released || p.amountCny == null) return;
    p.verifiedReported = true;
    out.collect(CreditFact.verified(p.ebcCode, Participant.ENTERPRISE, at, p.amountCny));
    if (p.ebpCode != null) {
      out.collect(CreditFact.verified(p.ebpCode, Participant.PLATFORM, at, p.amountCny));
    }
  }

  private static void emit(
      String code, Participant participant, Kind kind, Instant at, Collector<CreditFact> out) {
    if (code != null && !code.isBlank()) out.collect(CreditFact.of(code, participant, kind, at));
  }

  private static String first(String known, String offered) {
    return known != null ? known : offered;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<CreditFact> out)
      throws Exception {
    ParcelFacts p = state.value();
    // A later signal moved the parcel's end; only its own timer clears it.
    if (p != null && timestamp >= p.lastTime + retentionMillis) state.clear();
  }
}
