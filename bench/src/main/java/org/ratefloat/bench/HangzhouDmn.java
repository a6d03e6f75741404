package org.ratefloat.bench;

import java.math.BigDecimal;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;

/** The Hangzhou measure in Drools DMN (bench/src/main/resources/hangzhou.dmn). */
final class HangzhouDmn {
  final DMNRuntime runtime;
  final DMNModel model;

  HangzhouDmn() {
    runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
        .fromClasspathResource("/hangzhou.dmn", HangzhouDmn.class)
        .getOrElseThrow(e -> new IllegalStateException("cannot compile hangzhou.dmn", e));
    model = runtime.getModel("https://ratefloat.org/bench/hangzhou", "hangzhou");
    if (model.hasErrors()) {
      throw new IllegalStateException("hangzhou.dmn: " + model.getMessages());
    }
  }

  /** Evaluates the model; returns {band, rate}. */
  Object[] evaluate(Object[] in) {
    DMNContext ctx = runtime.newContext();
    ctx.set("benefits", in[0]);
    ctx.set("premiums", in[1]);
    ctx.set("riskClass", in[2]);
    ctx.set("standardGrade", in[3]);
    DMNResult result = runtime.evaluateAll(model, ctx);
    if (result.hasErrors()) {
      throw new IllegalStateException("DMN evaluation failed: " + result.getMessages());
    }
    return new Object[] {result.getDecisionResultByName("band").getResult(),
        result.getDecisionResultByName("rate").getResult()};
  }

  /** Checks that DMN and ratefloat give the same band and rate on every input; returns how many. */
  static int agreement(Inputs inputs, HangzhouDmn dmn) {
    for (int i = 0; i < inputs.cases.size(); i++) {
      var decision = inputs.hangzhou.decide(inputs.cases.get(i));
      Object[] r = dmn.evaluate(inputs.dmn.get(i));
      int band = ((BigDecimal) r[0]).intValueExact();
      BigDecimal rate = (BigDecimal) r[1];
      if (band != decision.newBand().offset() || rate.compareTo(decision.rate()) != 0) {
        throw new IllegalStateException("DMN and ratefloat disagree on " + inputs.cases.get(i).employer().id()
            + ": DMN band " + band + " rate " + rate + ", ratefloat band " + decision.newBand().offset()
            + " rate " + decision.rate());
      }
    }
    return inputs.cases.size();
  }

  /** Prints the agreement check: {@code java -cp bench/target/benchmarks.jar org.ratefloat.bench.HangzhouDmn}. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Inputs inputs = new Inputs(n, 11);
    System.out.println("DMN and ratefloat give the same band and rate on " + agreement(inputs, new HangzhouDmn())
        + " synthetic employers");
  }
}
