package org.ratefloat.synthetic;

import org.ratefloat.document.DocumentFiles;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.ratefloat.model.Edition;
import org.ratefloat.model.InputRules;
import org.ratefloat.registry.IndustryNames;
import org.ratefloat.registry.Regions;

/**
 * Generates a synthetic portfolio of employers as case documents (the JSON input format), one after
 * another, in constant memory. The same seed and settings always give the same portfolio.
 *
 * <p>What it models: industries drawn so that classes 2-4 are the most common (as among insured
 * employers), the key industries of Hunan's ranking among them, each employer given a class of GB/T
 * 4754-2011 (one the standard has) in its division; each employer placed in a county of
 * the regions (Hunan's cities by default), with a Chinese name made of its county, a brand and its
 * trade, and a unified social credit code registered there (valid by its check character); payrolls
 * lognormal around 2.4 million yuan, growing 4 % a year; an average wage of about 85,000 yuan;
 * premiums at the class benchmark times the current band. Month by month: work-injury accidents
 * Poisson with a class-dependent incidence, each injuring one worker or, now and then, several; deaths
 * rare; about one injury in six assessed at a disability grade (mostly 9-10); payouts per injured
 * worker heavy-tailed (Pareto), paid one to three months after the accident, so that a year's late
 * accidents are paid the next year (a year with injuries may have paid nothing yet). Some employers
 * are new (insured for less than a year, their history starting when they were first insured), some
 * in arrears or certified for safety standardisation. The figures are plausible, not calibrated to
 * any province's statistics.
 *
 * <p>The history is the calendar years before the as-of date as yearly periods. With {@code months}
 * above 0 it runs on to the last whole month before the as-of date, the last {@code months} months
 * as monthly periods and the part of a year before its first monthly period as one period, so that
 * both a ranking of a month and a yearly decision read it; the premium base is then the last calendar
 * year's payroll.
 *
 * <p>The distributions use commons-math3's seeded generators and their results are turned into
 * decimals at once; nothing of the library's arithmetic uses binary floating point.
 */
public final class PortfolioGenerator implements Iterator<ObjectNode> {
  /** GB/T 4754-2011 divisions with their weight in the mix. */
  private static final String[] DIVISIONS = {
      "65", "66", "72", "51", "52", "61", "62", "70", "59", "13", "17", "39", "40", "46", "89",
      "36", "33", "34", "38", "29", "18", "44", "54", "49", "50", "02", "26", "30", "47", "48", "07",
      "25", "06", "08"};
  private static final int[] CLASS = {
      1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 8, 8};
  private static final double[] WEIGHT = {
      4, 3, 6, 8, 8, 4, 5, 3, 2, 3, 3, 4, 2, 1, 2, 4, 5, 4, 4, 3, 3, 2, 4, 3, 3, 1, 2, 2, 3, 2, 0.5,
      0.5, 0.6, 0.4};
  /** The trade in an employer's name, by division. */
  private static final Map<String, String> TRADE = Map.ofEntries(
      Map.entry("65", "软件"), Map.entry("66", "金融服务"), Map.entry("72", "商务服务"), Map.entry("51", "贸易"),
      Map.entry("52", "商贸"), Map.entry("61", "酒店"), Map.entry("62", "餐饮"), Map.entry("70", "置业"),
      Map.entry("59", "仓储"), Map.entry("13", "食品"), Map.entry("17", "纺织"), Map.entry("39", "电子"),
      Map.entry("40", "仪器"), Map.entry("46", "水务"), Map.entry("89", "文化娱乐"), Map.entry("36", "汽车部件"),
      Map.entry("33", "金属制品"), Map.entry("34", "机械"), Map.entry("38", "电气"), Map.entry("29", "塑胶"),
      Map.entry("18", "服饰"), Map.entry("44", "电力"), Map.entry("54", "运输"), Map.entry("49", "安装工程"),
      Map.entry("50", "装饰工程"), Map.entry("02", "林业"), Map.entry("26", "化工"), Map.entry("30", "建材"),
      Map.entry("47", "建设"), Map.entry("48", "路桥"), Map.entry("07", "油气"), Map.entry("25", "石化"),
      Map.entry("06", "煤业"), Map.entry("08", "矿业"));
  private static final String[] BRAND = {"恒", "达", "鑫", "华", "远", "盛", "兴", "宏", "瑞", "丰", "嘉", "安", "顺",
      "泰", "隆", "昌", "源", "力", "新", "永"};
  private static final String[] BENCHMARK = {"", "0.2", "0.4", "0.7", "0.9", "1.1", "1.3", "1.6", "1.9"};
  /** Work-injury accidents per 100 workers a year, by class. */
  private static final double[] INCIDENCE = {0, 0.12, 0.3, 0.6, 0.85, 1.2, 1.6, 2.0, 2.5};
  private static final String[] BANDS = {"0.5", "0.8", "1.0", "1.0", "1.0", "1.2", "1.5"};
  /** The characters of a unified social credit code, by value. */
  private static final String CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private final RandomGenerator random;
  private final long count;
  private final LocalDate asOf;
  private final int years;
  private final int months;
  private final double totalWeight;
  private final LogNormalDistribution payroll;
  private final ParetoDistribution payout;
  /** The county-level divisions of the regions, with their names, in code order. */
  private final List<String[]> counties = new ArrayList<>();
  /** The province's short name, as it begins an employer's name (湖南 for 湖南省). */
  private final String province;
  /** The GB/T 4754-2011 classes of each division of the mix, in code order. */
  private final List<List<String>> classes = new ArrayList<>();
  private long next;

  /**
   * A portfolio of yearly periods, placed in Hunan's cities.
   *
   * @param seed the seed; the same seed gives the same portfolio
   * @param count how many employers
   * @param asOf the as-of date of every case; histories are the calendar years before it
   * @param years how many calendar years of history each established employer has
   */
  public PortfolioGenerator(long seed, long count, LocalDate asOf, int years) {
    this(seed, count, asOf, years, 0, Regions.find("cn-hn", DocumentFiles.bundled(), "generate", ""));
  }

  /**
   * @param months how many months before the as-of date are monthly periods (0 to 12 × years)
   * @param regions the divisions employers are placed in
   */
  public PortfolioGenerator(long seed, long count, LocalDate asOf, int years, int months, Regions regions) {
    this.random = new Well19937c(seed);
    this.count = count;
    this.asOf = requireNonNull(asOf, "asOf");
    this.years = years;
    if (months < 0 || months > 12 * years) {
      throw new IllegalArgumentException("months must lie in [0, " + 12 * years + "]: " + months);
    }
    this.months = months;
    this.province = shortName(requireNonNull(regions, "regions").province().name().zh());
    IndustryNames.EditionNames names = IndustryNames.bundled().editions().get(Edition.GBT_4754_2011);
    for (String division : DIVISIONS) {
      List<String> inDivision = names.classes().keySet().stream().filter(c -> c.startsWith(division)).toList();
      if (inDivision.isEmpty()) {
        throw new IllegalStateException("the bundled industry names have no class in division " + division);
      }
      classes.add(inDivision);
    }
    for (Regions.City city : requireNonNull(regions, "regions").cities()) {
      city.counties().forEach((code, name) -> counties.add(new String[] {code, name}));
      if (city.counties().isEmpty()) {
        counties.add(new String[] {city.code(), city.name().zh()});
      }
    }
    double w = 0;
    for (double x : WEIGHT) {
      w += x;
    }
    this.totalWeight = w;
    // median payroll about 2.4 million yuan, a long right tail
    this.payroll = new LogNormalDistribution(random, Math.log(2_400_000), 1.1,
        LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    // payouts per injured worker from 8,000 yuan up, heavy tail (shape 1.6)
    this.payout = new ParetoDistribution(random, 8_000, 1.6);
  }

  @Override
  public boolean hasNext() {
    return next < count;
  }

  /** The next employer as one NDJSON line (compact JSON, no line end). */
  public String nextLine() {
    return org.ratefloat.json.CanonicalJson.compact(next());
  }

  /** One month of an employer: what happened in it and what the fund paid in it. */
  private static final class Month {
    long headcount;
    long accidents;
    long injuries;
    long deaths;
    long maxDeaths;
    long maxSerious;
    final int[] grades = new int[11];
    BigDecimal benefits = BigDecimal.ZERO;
  }

  @Override
  public ObjectNode next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    next++;
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    root.put("asOf", asOf.toString());
    int d = division();
    int riskClass = CLASS[d];
    String[] county = counties.get(random.nextInt(counties.size()));
    ObjectNode employer = root.putObject("employer");
    employer.put("id", String.format(java.util.Locale.ROOT, "SYN-%08d", next));
    employer.put("name", province + place(county[1]) + BRAND[random.nextInt(BRAND.length)] + BRAND[random.nextInt(BRAND.length)]
        + TRADE.get(DIVISIONS[d]) + "有限公司");
    employer.put("creditCode", creditCode(county[0], next));
    employer.put("region", county[0]);
    ObjectNode industry = employer.putObject("industry");
    industry.put("edition", "GB/T 4754-2011");
    List<String> inDivision = classes.get(d);
    industry.put("code", inDivision.get(random.nextInt(inDivision.size())));
    String band = riskClass == 1 ? (random.nextInt(10) == 0 ? "1.2" : "1.0") : BANDS[random.nextInt(BANDS.length)];
    employer.put("currentBand", band);
    ObjectNode status = employer.putObject("status");
    boolean isNew = random.nextInt(25) == 0;
    LocalDate firstInsured = isNew
        ? asOf.minusMonths(1 + random.nextInt(11)).withDayOfMonth(1)
        : LocalDate.of(asOf.getYear() - years - 1 - random.nextInt(15), 1 + random.nextInt(12), 1);
    status.put("firstInsured", firstInsured.toString());
    status.put("premiumArrears", random.nextInt(30) == 0);
    if (random.nextInt(8) == 0) {
      ObjectNode cert = status.putObject("safetyStandardisation");
      cert.put("grade", 1 + random.nextInt(3));
      cert.put("validUntil", asOf.plusMonths(random.nextInt(36) - 6).toString());
    }
    BigDecimal basePayroll = money(payroll.sample());
    int first = asOf.getYear() - years;
    YearMonth start = YearMonth.of(first, 1);
    // yearly histories end with the last calendar year; monthly periods run to the last whole month
    YearMonth end = months > 0 ? YearMonth.from(asOf).minusMonths(1) : YearMonth.of(asOf.getYear() - 1, 12);
    long wage = 70_000 + random.nextInt(30_000);
    YearMonth insured = YearMonth.from(firstInsured);
    // the months simulated: from the first of the history (or of insurance) to the last whole month
    List<Month> simulated = new ArrayList<>();
    List<YearMonth> when = new ArrayList<>();
    BigDecimal[] carried = new BigDecimal[4]; // payouts due 1, 2 and 3 months later
    java.util.Arrays.fill(carried, BigDecimal.ZERO);
    for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
      Month month = month(m, first, riskClass, basePayroll, wage, carried);
      if (!m.isBefore(insured)) {
        simulated.add(month);
        when.add(m);
      }
    }
    if (months > 0 && !simulated.isEmpty()) {
      // monthly periods last: the premium base is the last calendar year's payroll, not its last month's
      root.put("premiumBase", grown(basePayroll, asOf.getYear() - 1 - first).toPlainString());
    }
    ArrayNode history = root.putArray("history");
    YearMonth firstMonthly = end.minusMonths(months - 1L);
    int i = 0;
    while (i < simulated.size()) {
      YearMonth m = when.get(i);
      if (months > 0 && !m.isBefore(firstMonthly)) {
        history.add(period(m.atDay(1), m.atEndOfMonth(), simulated.subList(i, i + 1), riskClass, band, grown(basePayroll,
            m.getYear() - first), m.getYear()));
        i++;
        continue;
      }
      // the rest of the year up to the first monthly period, as one period
      int j = i;
      while (j < simulated.size() && when.get(j).getYear() == m.getYear()
          && (months == 0 || when.get(j).isBefore(firstMonthly))) {
        j++;
      }
      history.add(period(m.atDay(1), when.get(j - 1).atEndOfMonth(), simulated.subList(i, j), riskClass, band,
          grown(basePayroll, m.getYear() - first), m.getYear()));
      i = j;
    }
    return root;
  }

  /**
   * A division's short name as it begins a company's name: 湖南 for 湖南省, 广西 for 广西壮族自治区, 内蒙古 for
   * 内蒙古自治区, 北京 for 北京市.
   */
  static String shortName(String province) {
    for (String suffix : List.of("壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市")) {
      if (province.endsWith(suffix) && province.length() > suffix.length()) {
        return province.substring(0, province.length() - suffix.length());
      }
    }
    return province;
  }

  /**
   * A county's name as it appears in a company's name: 桂阳 for 桂阳县, 芦淞 for 芦淞区, 津市 for 津市市, 通道 for
   * 通道侗族自治县 (an autonomous county by its first two characters); a name of two characters is kept whole.
   */
  static String place(String county) {
    if (county.endsWith("自治县") && county.length() > 3) {
      return county.substring(0, 2);
    }
    if (county.length() > 2 && "区县市".indexOf(county.charAt(county.length() - 1)) >= 0) {
      return county.substring(0, county.length() - 1);
    }
    return county;
  }

  /** The year's payroll: the base grown 4 % a year. */
  private static BigDecimal grown(BigDecimal base, int yearsAfterFirst) {
    return base.multiply(BigDecimal.ONE.add(new BigDecimal("0.04").multiply(BigDecimal.valueOf(yearsAfterFirst))))
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** One month: accidents, their injured and dead, and the payouts that fall due in it. */
  private Month month(YearMonth m, int first, int riskClass, BigDecimal basePayroll, long wage,
      BigDecimal[] carried) {
    Month month = new Month();
    BigDecimal pay = grown(basePayroll, m.getYear() - first);
    month.headcount = Math.max(1, pay.divide(BigDecimal.valueOf(wage), 0, RoundingMode.HALF_UP).longValue());
    month.accidents = poisson(month.headcount * INCIDENCE[riskClass] / 100.0 / 12.0);
    for (long a = 0; a < month.accidents; a++) {
      // mostly one worker; now and then several (a collapse, a fall of a team)
      long injured = 1;
      while (injured < 8 && random.nextDouble() < 0.18) {
        injured++;
      }
      long dead = 0;
      long serious = 0;
      BigDecimal paid = BigDecimal.ZERO;
      for (long k = 0; k < injured; k++) {
        paid = paid.add(money(Math.min(payout.sample(), 2_000_000)));
        double u = random.nextDouble();
        if (u < 0.004 * riskClass) {
          dead++;
          paid = paid.add(new BigDecimal("900000.00"));
        } else if (u < 0.17) {
          int grade = u < 0.03 ? 5 + random.nextInt(2) : 7 + random.nextInt(4);
          month.grades[grade]++;
          if (grade <= 6) {
            serious++;
          }
        }
      }
      month.injuries += injured;
      month.deaths += dead;
      month.maxDeaths = Math.max(month.maxDeaths, dead);
      month.maxSerious = Math.max(month.maxSerious, serious);
      int lag = 1 + random.nextInt(3);
      carried[lag] = carried[lag].add(paid);
    }
    // the payouts due this month leave the queue; the others move one month closer
    month.benefits = carried[1];
    carried[1] = carried[2];
    carried[2] = carried[3];
    carried[3] = BigDecimal.ZERO;
    return month;
  }

  /** A Poisson draw (Knuth's method: the means here are small). */
  private long poisson(double mean) {
    double limit = Math.exp(-mean);
    long k = 0;
    double p = random.nextDouble();
    while (p > limit) {
      k++;
      p *= random.nextDouble();
    }
    return k;
  }

  private ObjectNode period(LocalDate from, LocalDate to, List<Month> inside, int riskClass, String band,
      BigDecimal yearPayroll, int year) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    if (from.getDayOfYear() == 1 && to.getMonthValue() == 12 && to.getDayOfMonth() == 31) {
      o.put("year", year);
    } else {
      o.put("from", from.toString());
      o.put("to", to.toString());
    }
    // the period's share of the year's payroll, by months
    BigDecimal pay = yearPayroll.multiply(BigDecimal.valueOf(inside.size())).divide(BigDecimal.valueOf(12), 2,
        RoundingMode.HALF_UP);
    BigDecimal atBenchmark = pay.multiply(new BigDecimal(BENCHMARK[riskClass])).movePointLeft(2)
        .setScale(2, RoundingMode.HALF_UP);
    BigDecimal paid = atBenchmark.multiply(new BigDecimal(band)).setScale(2, RoundingMode.HALF_UP);
    long accidents = 0;
    long injuries = 0;
    long deaths = 0;
    long maxDeaths = 0;
    long maxSerious = 0;
    int[] grades = new int[11];
    BigDecimal benefits = BigDecimal.ZERO;
    for (Month m : inside) {
      accidents += m.accidents;
      injuries += m.injuries;
      deaths += m.deaths;
      maxDeaths = Math.max(maxDeaths, m.maxDeaths);
      maxSerious = Math.max(maxSerious, m.maxSerious);
      benefits = benefits.add(m.benefits);
      for (int g = 1; g <= 10; g++) {
        grades[g] += m.grades[g];
      }
    }
    o.put("payroll", pay.toPlainString());
    o.put("premiumsPaid", paid.toPlainString());
    o.put("premiumsAtBenchmark", atBenchmark.toPlainString());
    o.put("benefitsPaid", benefits.toPlainString());
    // the headcount is the year's, the same in every month of it
    o.put("averageHeadcount", String.valueOf(inside.get(0).headcount));
    o.put("injuries", injuries);
    o.put("accidents", accidents);
    o.put("deaths", deaths);
    ObjectNode disability = o.putObject("disabilityCases");
    for (int g = 1; g <= 10; g++) {
      if (grades[g] > 0) {
        disability.put(String.valueOf(g), grades[g]);
      }
    }
    o.put("occupationalDiseaseCases", random.nextInt(400 * 12 / inside.size()) == 0 ? 1 : 0);
    o.put("maxDeathsSingleAccident", maxDeaths);
    o.put("maxSeriousInjuriesSingleAccident", maxSerious);
    return o;
  }

  /**
   * A unified social credit code registered in the county: 9 (registered by industry and commerce),
   * 1 (an enterprise), the county's six digits, nine characters of the employer's number, and the
   * check character of GB 32100-2015.
   */
  static String creditCode(String county, long number) {
    StringBuilder org = new StringBuilder();
    // the employer's number spread over the 31^9 codes (an affine map, one to one), so that codes look
    // like codes and not like a counter
    long space = 26_439_622_160_671L; // 31^9
    long n = Math.floorMod(number * 1_000_003L + 7_777_777L, space);
    for (int k = 0; k < 9; k++) {
      org.append(CODE_CHARACTERS.charAt((int) (n % 31)));
      n /= 31;
    }
    String first17 = "91" + county + org.reverse();
    return first17 + InputRules.creditCodeCheck(first17);
  }

  private int division() {
    double u = random.nextDouble() * totalWeight;
    for (int i = 0; i < WEIGHT.length; i++) {
      u -= WEIGHT[i];
      if (u < 0) {
        return i;
      }
    }
    return WEIGHT.length - 1;
  }

  /** A random draw in yuan as an amount to the fen. */
  private static BigDecimal money(double draw) {
    return BigDecimal.valueOf(Math.round(draw * 100), 2);
  }
}
