package org.ratefloat.cli;

import org.ratefloat.text.Message;

import org.ratefloat.text.Language;

import org.ratefloat.text.Printable;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ratefloat.RuleTable;
import org.ratefloat.credibility.Portfolio;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.io.OutputFile;
import org.ratefloat.model.Measure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ratefloat credibility}: Bühlmann–Straub structure parameters by risk class. */
@Command(name = "credibility", mixinStandardHelpOptions = true,
    description = "Estimate Bühlmann–Straub credibility by risk class from a portfolio: within variance s², "
        + "between variance a, K = s²/a and the collective mean μ, for a rule table to blend an employer's "
        + "experience (Z = P / (P + K)). Each employer is one entity, each period one observation of "
        + "--numerator / --denominator weighted by the denominator. Decimal arithmetic of 60 digits; figures written to 12 "
        + "significant digits. With --reference-out, K and μ are also written as reference data a rule table names "
        + "(ratefloat/reference@1). Exit 7 when some employers are refused (0 with --allow-errors), 3 when no class can be fitted.")
final class CredibilityCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  LanguageOption lang;

  /** The rule table whose classification gives each employer's risk class. */
  @Mixin
  TableOption rules;

  @Mixin
  PortfolioOption portfolio;

  @Option(names = "--numerator", defaultValue = "benefitsPaid", paramLabel = "MEASURE",
      completionCandidates = Usage.MeasureNames.class,
      description = "the observed amount, a measure of the periods: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  String numerator;

  @Option(names = "--denominator", defaultValue = "premiumsPaid", paramLabel = "MEASURE",
      completionCandidates = Usage.MeasureNames.class,
      description = "the weight the amount is divided by, a measure as --numerator (default: ${DEFAULT-VALUE})")
  String denominator;

  @Option(names = "--out", paramLabel = "FILE", description = "write the JSON here (.json)")
  Path out;

  @Mixin
  Refusals refusals;

  @Option(names = "--reference-out", paramLabel = "FILE", description = "also write K and μ by risk class as "
      + "reference data for rule tables (ratefloat/reference@1): FILE is <id>.reference.json, and a table names "
      + "<id> in its references")
  Path referenceOut;

  @Option(names = "--effective-from", paramLabel = "DATE",
      description = "the first as-of date the reference data is for (with --reference-out)")
  java.time.LocalDate effectiveFrom;

  @Option(names = "--effective-to", paramLabel = "DATE",
      description = "the last as-of date the reference data is for (with --reference-out; default: open)")
  java.time.LocalDate effectiveTo;

  @Option(names = "--reference-version", defaultValue = "1", paramLabel = "TEXT",
      description = "the version the reference data names (with --reference-out; default ${DEFAULT-VALUE})")
  String referenceVersion;

  /**
   * The id of the reference data, from the file name {@code <id>.reference.json}; checks the options
   * that go with {@code --reference-out}.
   */
  private String referenceId() {
    Usage.requireWith(spec, "--effective-from", "--reference-out");
    Usage.requireWith(spec, "--effective-to", "--reference-out");
    Usage.requireWith(spec, "--reference-version", "--reference-out");
    if (referenceOut == null) {
      return null;
    }
    String suffix = Portfolio.referenceFileName("");
    String name = referenceOut.getFileName() == null ? "" : referenceOut.getFileName().toString();
    String id = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : "";
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")) {
      throw Usage.invalid(spec, "--reference-out", "the file name must be <id>" + suffix
          + " with an id of letters, digits, '.', '_' or '-': " + referenceOut);
    }
    if (effectiveFrom == null) {
      throw Usage.invalid(spec, "--reference-out", "give --effective-from, the first as-of date of the data");
    }
    if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
      throw Usage.invalid(spec, "--effective-to", "before --effective-from: " + effectiveTo + " < " + effectiveFrom);
    }
    if (referenceVersion.isBlank() || referenceVersion.length() > 80
        || referenceVersion.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
      throw Usage.invalid(spec, "--reference-version", "1 to 80 characters, not blank, no control or formatting characters");
    }
    return id;
  }

  @Override
  public Integer call() throws Exception {
    Path in = portfolio.file();
    Usage.extension(spec, "--out", out, ".json");
    if (out != null && referenceOut != null
        && out.toAbsolutePath().normalize().equals(referenceOut.toAbsolutePath().normalize())) {
      // one file cannot hold both documents: the second would replace the first
      throw Usage.invalid(spec, "--reference-out", "must be another file than --out: " + referenceOut);
    }
    Measure num = Usage.measure(spec, "--numerator", numerator);
    Measure den = Usage.measure(spec, "--denominator", denominator);
    if (num == den) {
      throw Usage.invalid(spec, "--denominator", "must differ from --numerator: " + denominator);
    }
    String referenceId = referenceId();
    RuleTable table = rules.loadQuietly();
    Portfolio portfolio = new Portfolio(num, den);
    long[] records = {0};
    // every file the run reads, also those the table pulls in (its reference data), which no output may be
    List<Path> reads = new ArrayList<>(table.files());
    reads.add(in);
    List<Path> readsAndOut = new ArrayList<>(reads);
    if (out != null) {
      readsAndOut.add(out);
    }
    try (OutputFile output = out == null ? null : OutputFile.create(out, reads);
        OutputFile reference = referenceOut == null ? null : OutputFile.create(referenceOut, readsAndOut)) {
      org.ratefloat.batch.Batch.read(in, c -> {
        records[0]++;
        try {
          int riskClass = c.employer().riskClassOverride().orElseGet(
              () -> table.classify(c.employer().industry()).riskClass());
          portfolio.add(c, riskClass);
        } catch (RateFloatException e) {
          refusals.add(e);
        }
      }, (line, e) -> {
        records[0]++;
        refusals.add(e);
      });
      Portfolio.Result result = portfolio.fit();
      if (result.fits().isEmpty()) {
        throw Outcome.nothingComputed("error.IN041.credibility", Outcome.with(Outcome.counts(records[0],
            refusals.counts()), "skipped", result.skipped(), "unfitted", result.unfitted()));
      }
      byte[] json = portfolio.json(result);
      if (reference != null) {
        String name = in.getFileName() == null ? in.toString() : in.getFileName().toString();
        // read as every file is (a regular file, faults coded), not around the one reader
        String sha256;
        try (java.io.InputStream bytes = org.ratefloat.io.InputFiles.openInput(in)) {
          com.google.common.hash.HashingInputStream hashing = new com.google.common.hash.HashingInputStream(
              com.google.common.hash.Hashing.sha256(), bytes);
          hashing.transferTo(java.io.OutputStream.nullOutputStream());
          sha256 = hashing.hash().toString();
        }
        reference.write(portfolio.reference(result, new Portfolio.ReferenceHeader(referenceId, referenceVersion,
            effectiveFrom, java.util.Optional.ofNullable(effectiveTo), name, sha256)));
        reference.commit();
      }
      if (output != null) {
        output.write(json);
        output.commit();
      } else {
        spec.commandLine().getOut().print(new String(json, StandardCharsets.UTF_8));
      }
      PrintWriter err = spec.commandLine().getErr();
      err.println(Printable.escape(Message.of("summary.credibility", "fitted", result.fits().size(),
          "unfitted", result.unfitted().size(), "records", records[0], "refused", refusals.total()).in(lang.get())));
      refusals.print(err, "summary.refused", lang.get());
    }
    return refusals.exitCode();
  }
}
