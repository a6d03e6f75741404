package org.ratefloat.synthetic;

import org.ratefloat.document.DocumentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ratefloat.model.Edition;
import org.ratefloat.model.InputRules;
import org.ratefloat.registry.IndustryNames;
import org.ratefloat.registry.Regions;

class PortfolioGeneratorTest {
  private static List<ObjectNode> generate(long seed, int count, LocalDate asOf, int years, int months) {
    PortfolioGenerator g = new PortfolioGenerator(seed, count, asOf, years, months,
        Regions.find("cn-hn", DocumentFiles.bundled(), "test", ""));
    List<ObjectNode> out = new ArrayList<>();
    g.forEachRemaining(out::add);
    return out;
  }

  @Test
  void everyEmployerHasAClassTheStandardHasAndAValidCreditCodeOfItsCounty() {
    IndustryNames.EditionNames names = IndustryNames.bundled().editions().get(Edition.GBT_4754_2011);
    Set<String> divisions = new HashSet<>();
    for (ObjectNode c : generate(3, 2000, LocalDate.of(2025, 1, 1), 3, 0)) {
      String code = c.path("employer").path("industry").path("code").textValue();
      assertTrue(names.classes().containsKey(code), code);
      divisions.add(code.substring(0, 2));
      String credit = c.path("employer").path("creditCode").textValue();
      assertEquals(credit, InputRules.creditCode(credit, "/creditCode"));
      assertEquals(c.path("employer").path("region").textValue(), credit.substring(2, 8));
      String name = c.path("employer").path("name").textValue();
      assertTrue(name.startsWith("湖南") && name.endsWith("有限公司"), name);
      assertTrue(!name.contains("自治") && !name.contains("湖南省"), name);
    }
    // the mix reaches every division it weighs, coal mining as well as software
    assertEquals(34, divisions.size(), divisions.toString());
  }

  @Test
  void shortNamesOfProvincesAndCounties() {
    assertEquals("湖南", PortfolioGenerator.shortName("湖南省"));
    assertEquals("广西", PortfolioGenerator.shortName("广西壮族自治区"));
    assertEquals("内蒙古", PortfolioGenerator.shortName("内蒙古自治区"));
    assertEquals("新疆", PortfolioGenerator.shortName("新疆维吾尔自治区"));
    assertEquals("北京", PortfolioGenerator.shortName("北京市"));
    assertEquals("通道", PortfolioGenerator.place("通道侗族自治县"));
    assertEquals("靖州", PortfolioGenerator.place("靖州苗族侗族自治县"));
    assertEquals("津市", PortfolioGenerator.place("津市市"));
    assertEquals("芦淞", PortfolioGenerator.place("芦淞区"));
    assertEquals("吉首", PortfolioGenerator.place("吉首市"));
  }

  @Test
  void aMidYearAsOfRunsTheMonthsToTheLastWholeMonth() {
    // as of 15 April 2025, three monthly periods: January to March 2025, after the years 2022 to 2024
    for (ObjectNode c : generate(5, 300, LocalDate.of(2025, 4, 15), 3, 3)) {
      JsonNode history = c.path("history");
      JsonNode last = history.path(history.size() - 1);
      if (c.path("employer").path("status").path("firstInsured").textValue().compareTo("2025-03-01") > 0) {
        continue;
      }
      assertEquals("2025-03-01", last.path("from").textValue());
      assertEquals("2025-03-31", last.path("to").textValue());
      // the premium base is the payroll of 2024, the last calendar year, which the history holds whole
      JsonNode y2024 = null;
      for (JsonNode p : history) {
        if (p.path("year").asInt() == 2024) {
          y2024 = p;
        }
      }
      if (y2024 != null) {
        assertEquals(new BigDecimal(y2024.path("payroll").textValue()), new BigDecimal(c.path("premiumBase")
            .textValue()));
      }
    }
  }

  @Test
  void aYearlyPortfolioHoldsCalendarYearsOnly() {
    for (ObjectNode c : generate(5, 300, LocalDate.of(2025, 6, 1), 3, 0)) {
      for (JsonNode p : c.path("history")) {
        // a new employer's first year may start later; none runs into 2025
        String to = p.has("year") ? p.path("year").asText() + "-12-31" : p.path("to").textValue();
        assertTrue(to.compareTo("2025-01-01") < 0, to);
      }
      assertTrue(!c.has("premiumBase"));
    }
  }

  @Test
  void theSameSeedGivesTheSamePortfolio() {
    assertEquals(generate(11, 50, LocalDate.of(2025, 1, 1), 2, 4), generate(11, 50, LocalDate.of(2025, 1, 1), 2, 4));
  }
}
