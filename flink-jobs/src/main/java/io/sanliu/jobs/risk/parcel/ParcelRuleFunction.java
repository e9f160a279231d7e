package io.sanliu.jobs.risk.parcel;

import io.sanliu.jobs.matching.ParcelOutcome;
import io.sanliu.jobs.risk.RuleFamilyFunction;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleFamily;
import java.util.List;
import org.apache.flink.util.Collector;

/**
 * The parcel rules over each outcome of three-document matching (and each unlinked waybill), keyed
 * by {@link ParcelOutcome#parcelKey()}. No keyed state: the matcher keeps the parcel and hands
 * every outcome its documents; the stream is keyed only so that it can meet the broadcast rules.
 */
public final class ParcelRuleFunction
    extends RuleFamilyFunction<String, ParcelOutcome, ParcelContext> {

  public ParcelRuleFunction() {
    super(
        RuleFamily.PARCEL,
        List.of(
            new DocumentMismatchRule(),
            new MissingPaymentRule(),
            new PayerNotBuyerRule(),
            new ExportNeverDeclaredRule(),
            new OrphanDocumentRule(),
            new ExportDomesticPayerRule(),
            new TaxBelowComputedRule(),
            new WeightMismatchRule()));
  }

  @Override
  public void processElement(ParcelOutcome outcome, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    ParcelContext context = new ParcelContext(outcome);
    evaluate(context, context.tradeMode(), context.enterpriseCode(), ctx, out);
  }
}
