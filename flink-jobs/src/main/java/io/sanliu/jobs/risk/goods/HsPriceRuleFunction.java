package io.sanliu.jobs.risk.goods;

import io.sanliu.jobs.risk.RuleFamilyFunction;
import io.sanliu.jobs.state.StateTtl;
import io.sanliu.model.events.RiskAlert;
import io.sanliu.model.risk.RuleFamily;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;

/**
 * Keeps the recent prices of one HS code and currency (up to {@link #KEPT}); a line of goods that
 * were never filed is judged against their median before its own price joins them. Filed goods only
 * add their price: the order rules judge them against their filing.
 */
public final class HsPriceRuleFunction
    extends RuleFamilyFunction<String, PricedLine, PriceContext> {
  static final int KEPT = 101;
  static final Duration STATE_TTL = Duration.ofDays(30);

  private transient ValueState<List<BigDecimal>> prices;

  public HsPriceRuleFunction() {
    super(RuleFamily.GOODS, List.of(new MedianUndervaluationRule()));
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<List<BigDecimal>> d =
        new ValueStateDescriptor<>(
            "recent-prices", Types.LIST(TypeInformation.of(BigDecimal.class)));
    d.enableTimeToLive(StateTtl.of(STATE_TTL));
    prices = getRuntimeContext().getState(d);
  }

  @Override
  public void processElement(PricedLine line, ReadOnlyContext ctx, Collector<RiskAlert> out)
      throws Exception {
    List<BigDecimal> recent =
        prices.value() == null ? new ArrayList<>() : new ArrayList<>(prices.value());
    if (line.itemNo() == null || filing(ctx, line.ebcCode(), line.itemNo()) == null) {
      evaluate(
          new PriceContext(line, median(recent), recent.size()),
          line.tradeMode(),
          line.ebcCode(),
          ctx,
          out);
    }
    recent.add(line.price());
    if (recent.size() > KEPT) recent.remove(0);
    prices.update(recent);
  }

  /** The median of the prices, or null when there are none. */
  static BigDecimal median(List<BigDecimal> prices) {
    if (prices.isEmpty()) return null;
    List<BigDecimal> sorted = new ArrayList<>(prices);
    sorted.sort(null);
    int n = sorted.size();
    if (n % 2 == 1) return sorted.get(n / 2);
    return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
  }
}
