package org.ratefloat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratefloat.RateFloat;
import org.ratefloat.RuleTable;
import org.ratefloat.model.RatingCase;

/**
 * The hand-coded Hunan decision compares like with like: on the 20,000 employers of the Hangzhou
 * agreement (half of them moved onto payout ratios of exactly 50, 100 and 150 %, a fen either side,
 * no benefits with and without injuries, no history) and the 5,000 of the batch's portfolio (three
 * years of history each), it gives the band and the rate ratefloat gives with
 * rules/cn-hn-provisional.json, and refuses where it refuses, with the same code.
 */
class HunanAgreementTest {
  @Test
  void theHandCodedDecisionAgreesWithTheTableOnEveryEmployer() {
    RuleTable hunan = RateFloat.loadTable(Portfolio.HUNAN);
    List<RatingCase> cases = new ArrayList<>(Inputs.withEdges(HangzhouAgreementTest.EMPLOYERS, 11).employers.stream()
        .map(Inputs.Employer::input).toList());
    for (byte[] line : Portfolio.lines(5000, 5)) {
      cases.add(RateFloat.readCase(line));
    }
    Agreement.Counts counts = Agreement.hunan(cases, hunan, Agreement.handCodedHunan(hunan));
    System.out.println("hand-coded Hunan agreement: " + counts);
    assertEquals(0, counts.disagreements, counts::toString);
    assertEquals(cases.size(), counts.compared);
    // every band of the ladder is reached, and the refusals met, so that the agreement says something
    for (String band : new String[] {"band -2", "band -1", "band 0", "band +1", "band +2"}) {
      assertTrue(counts.outcomes.getOrDefault(band, 0) >= 100, () -> band + " too rare: " + counts);
    }
    assertTrue(counts.refused("IN016") >= 100, counts::toString);
    assertTrue(counts.decidedAlike >= cases.size() / 2, counts::toString);
  }
}
