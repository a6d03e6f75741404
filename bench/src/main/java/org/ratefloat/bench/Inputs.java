package org.ratefloat.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ratefloat.RateFloat;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.RuleTable;
import org.ratefloat.json.CanonicalJson;
import org.ratefloat.model.Measure;
import org.ratefloat.model.Period;
import org.ratefloat.model.RatingCase;
import org.ratefloat.synthetic.PortfolioGenerator;

/** The same synthetic employers as ratefloat cases and as the flat inputs of the DMN model. */
final class Inputs {
  final List<RatingCase> cases = new ArrayList<>();
  final List<Object[]> dmn = new ArrayList<>();
  final RuleTable hangzhou = RateFloat.loadTable(Path.of("rules/cn-zj-hangzhou.json"));

  Inputs(int count, long seed) {
    PortfolioGenerator gen = new PortfolioGenerator(seed, count * 2L, LocalDate.of(2025, 1, 1), 1);
    while (cases.size() < count && gen.hasNext()) {
      ObjectNode doc = gen.next();
      RatingCase c = RateFloat.readCase(CanonicalJson.compact(doc).getBytes(StandardCharsets.UTF_8));
      try {
        hangzhou.decide(c);
      } catch (RateFloatException notDecidable) {
        continue; // new employers without a previous year are outside the measure
      }
      Period last = c.history().get(c.history().size() - 1);
      int riskClass = hangzhou.classify(c.employer().industry()).riskClass();
      int grade = c.employer().status().safetyStandardisation().map(s -> s.gradeOn(c.asOf())).orElse(0);
      cases.add(c);
      dmn.add(new Object[] {last.value(Measure.BENEFITS_PAID).orElseThrow(),
          last.value(Measure.PREMIUMS_PAID).orElseThrow(), BigDecimal.valueOf(riskClass), BigDecimal.valueOf(grade)});
    }
  }
}
