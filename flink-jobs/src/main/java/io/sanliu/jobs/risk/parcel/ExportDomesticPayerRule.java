package io.sanliu.jobs.risk.parcel;

import io.sanliu.jobs.risk.Finding;
import io.sanliu.jobs.risk.Money;
import io.sanliu.jobs.risk.RiskRule;
import io.sanliu.model.events.Payment;
import io.sanliu.model.risk.RuleDefinition;
import io.sanliu.model.risk.RuleType;
import java.util.List;

/**
 * 出口境内支付: an export paid with a Chinese resident ID card ({@code domesticIdType}): exports are paid
 * from abroad, a domestic payer suggests a disguised domestic sale or a refund scheme.
 */
public final class ExportDomesticPayerRule implements RiskRule<ParcelContext> {
  @Override
  public RuleType type() {
    return RuleType.EXPORT_DOMESTIC_PAYER;
  }

  @Override
  public List<Finding> evaluate(ParcelContext c, RuleDefinition rule) {
    if (!c.export() || c.payment() == null) return List.of();
    String domestic = rule.parameter("domesticIdType");
    Payment p = c.payment();
    if (!domestic.equals(p.payerIdType())) return List.of();
    String orderKey = c.orderKey();
    String amount = p.amountPaid() == null ? "?" : Money.cny(p.amountPaid());
    String payer = p.payerId() == null ? "?" : p.payerId().masked();
    String destination = c.list() == null ? null : c.list().country();
    return List.of(
        Finding.about(orderKey)
            .order(orderKey)
            .waybill(c.waybillKey())
            .enterprise(c.enterpriseCode())
            .entity("payer", p.payerId() == null ? null : p.payerId().hash())
            .explain(
                "出口订单 "
                    + p.orderNo()
                    + " 由境内居民身份证（证件类型 "
                    + p.payerIdType()
                    + "）"
                    + payer
                    + " 支付 "
                    + amount
                    + " "
                    + p.currency(),
                "export order "
                    + p.orderNo()
                    + " paid "
                    + amount
                    + " "
                    + p.currency()
                    + " with a resident ID card (payerIdType "
                    + p.payerIdType()
                    + ") "
                    + payer)
            .evidence("payerIdType", p.payerIdType())
            .evidence("domesticIdType", domestic)
            .evidence("payerId", payer)
            .evidence("amountPaid", p.amountPaid() == null ? null : p.amountPaid().toPlainString())
            .evidence("currency", p.currency())
            .evidence("tradeMode", c.tradeMode() == null ? null : c.tradeMode().code())
            .evidence("destination", destination)
            .score(75)
            .at(p.eventTime())
            .build());
  }
}
