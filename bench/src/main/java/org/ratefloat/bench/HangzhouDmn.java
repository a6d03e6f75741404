package org.ratefloat.bench;

import java.math.BigDecimal;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;

/** The Hangzhou measure in Drools DMN (bench/src/main/resources/hangzhou.dmn). */
final class HangzhouDmn {
  private final DMNRuntime runtime;
  private final DMNModel model;

  HangzhouDmn() {
    runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
        .fromClasspathResource("/hangzhou.dmn", HangzhouDmn.class)
        .getOrElseThrow(e -> new IllegalStateException("cannot compile hangzhou.dmn", e));
    model = runtime.getModel("https://ratefloat.org/bench/hangzhou", "hangzhou");
    if (model.hasErrors()) {
      throw new IllegalStateException("hangzhou.dmn: " + model.getMessages());
    }
  }

  /** Evaluates the model, as the benchmarks time it: the raw DMN result. */
  DMNResult evaluate(Inputs.DmnInput in) {
    DMNContext ctx = runtime.newContext();
    ctx.set("benefits", in.benefits());
    ctx.set("premiums", in.premiums());
    ctx.set("injuries", in.injuries());
    ctx.set("riskClass", in.riskClass());
    ctx.set("standardGrade", in.standardGrade());
    return runtime.evaluateAll(model, ctx);
  }

  /** Evaluates the model: band and rate, or a refusal (DC001) where the model is undetermined. */
  Outcome decide(Inputs.DmnInput in) {
    DMNResult result = evaluate(in);
    if (result.hasErrors()) {
      throw new IllegalStateException("DMN evaluation failed: " + result.getMessages());
    }
    Object band = result.getDecisionResultByName("band").getResult();
    Object rate = result.getDecisionResultByName("rate").getResult();
    if (Boolean.TRUE.equals(result.getDecisionResultByName("undetermined").getResult())) {
      if (band != null || rate != null) {
        throw new IllegalStateException("hangzhou.dmn is undetermined but gives band " + band + " rate " + rate);
      }
      return Outcome.refused("DC001");
    }
    return Outcome.decided(((BigDecimal) band).intValueExact(), (BigDecimal) rate);
  }
}
