package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An amount of money a row adds and a computed cap, through the command line: {@code decide}
 * records them, {@code explain} shows them (in both languages) and {@code verify} re-checks them.
 */
class AmountsExplainTest {
  private static final String TABLE = "src/test/resources/format2/effects.json";

  @TempDir
  Path tmp;

  @Test
  void decideExplainAndVerifyAnAmount() throws Exception {
    Path input = tmp.resolve("case.json");
    Files.writeString(input, """
        {"asOf": "2025-01-01",
         "employer": {"id": "E-1", "industry": {"edition": "GB/T 4754-2017", "code": "72"},
           "riskClassOverride": 1, "status": {"firstInsured": "2015-01-01"}},
         "history": [
           {"year": 2023, "payroll": "1000000.00", "premiumsPaid": "100000.00", "benefitsPaid": "250000.00"},
           {"year": 2024, "payroll": "1000000.00", "premiumsPaid": "100000.00", "benefitsPaid": "50000.00"}]}
        """, StandardCharsets.UTF_8);
    CliTest.Run decided = CliTest.run("decide", "--rules", TABLE, input.toString());
    assertEquals(0, decided.code(), decided.err());
    // the hand-computed values of EffectsTest: surcharge 48,000 / 7 = 6,857.14; the cap 0.5 x 1.108
    assertTrue(decided.out().contains("\"amount\": \"6857.14\""), decided.out());
    Path record = tmp.resolve("case.decision.json");
    Files.writeString(record, decided.out(), StandardCharsets.UTF_8);
    CliTest.Run en = CliTest.run("explain", "--rules", TABLE, record.toString());
    assertEquals(0, en.code(), en.err());
    assertTrue(en.out().contains("Amount: 6857.14 EUR (step money, row debit = surcharge)"), en.out());
    assertTrue(en.out().contains("rate 0.6200 -> 0.5540 (benchmark 0.5 x maxMod = 1.108)"), en.out());
    CliTest.Run zh = CliTest.run("explain", "--rules", TABLE, "--lang", "zh", record.toString());
    // the same in Chinese: the indicator by its label, the bound's formula in words
    assertTrue(zh.out().contains("附加金额：6857.14 EUR（步骤 money，依据行 debit，即附加费）"), zh.out());
    assertTrue(zh.out().contains("适用：费率由 0.6200 % 调整为 0.5540 %（基准费率 0.5 % 乘以最高修正系数 1.108）"), zh.out());
    CliTest.Run ok = CliTest.run("verify", "--rules", TABLE, record.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    // an amount changed in the record no longer verifies, and the pointer names it
    Path edited = tmp.resolve("edited.json");
    Files.writeString(edited, decided.out().replace("\"6857.14\"", "\"6857.15\""), StandardCharsets.UTF_8);
    CliTest.Run bad = CliTest.run("verify", "--rules", TABLE, edited.toString());
    assertTrue(bad.code() != 0, bad.out());
    assertTrue((bad.out() + bad.err()).contains("/amounts/0/amount"), bad.out() + bad.err());
  }
}
