package org.ratefloat.cli;

import java.io.PrintWriter;
import org.ratefloat.ranking.Ranking;
import org.ratefloat.ranking.RankingDefinition;
import org.ratefloat.registry.IndustryNames;
import org.ratefloat.text.Glossary;
import org.ratefloat.text.Language;
import org.ratefloat.text.Message;
import org.ratefloat.text.Printable;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import org.ratefloat.error.InputException;
import org.ratefloat.RuleTable;
import org.ratefloat.model.Edition;
import org.ratefloat.model.IndustryCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ratefloat classify}: the risk class and benchmark of an industry code. */
@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Print the risk class, benchmark and bands of a GB/T 4754 industry code, its name, and whether "
        + "the shipped ranking definition " + ClassifyCommand.KEY_INDUSTRIES + " counts it as a key industry.")
final class ClassifyCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin
  LanguageOption lang;

  @Parameters(paramLabel = "CODE", description = "a 2-, 3- or 4-digit GB/T 4754 code")
  String code;

  @Option(names = "--edition", required = true, paramLabel = "2011|2017",
      description = "the edition of GB/T 4754 the code is from")
  String edition;

  @Option(names = "--rules", defaultValue = "cn-national-2015", paramLabel = "FILE|ID",
      description = "a rule table with a classification: a file, or the id of a bundled table "
          + "(default: the bundled ${DEFAULT-VALUE})")
  TableReference rules;

  /** The shipped ranking definition whose key industries {@code classify} says a code is one of, or not. */
  static final String KEY_INDUSTRIES = "cn-hn-key-industries";

  private static String say(Language lang, String key, Object... namesAndValues) {
    return Message.of(key, namesAndValues).in(lang);
  }

  @Override
  public Integer call() {
    // an option, not a document: a wrong value is a usage error (exit 2), as for every option
    Edition e = Edition.parse(edition).orElseThrow(() -> Usage.invalid(spec, "--edition",
        "must be 2011 or 2017: " + edition));
    RuleTable table = rules.load(true);
    RuleTable.RiskClass c;
    try {
      c = table.classify(new IndustryCode(e, code));
    } catch (InputException fault) {
      throw new ArgumentFault("CODE", fault);
    }
    PrintWriter out = spec.commandLine().getOut();
    Language l = lang.get();
    out.println(Printable.escape(say(l, "classify.line", "edition", e.label(), "code", code, "class", c.riskClass(),
        "benchmark", c.benchmark().map(b -> say(l, "classify.benchmark", "benchmark", b)).orElse(say(l, "classify.noBenchmark")),
        "bands", String.join(", ", c.ladder().stream().map(BigDecimal::toPlainString).toList()),
        "bandsPercent", String.join(say(l, "effect.list"), c.ladder().stream()
            .map(b -> b.movePointRight(2).stripTrailingZeros().toPlainString() + " %").toList()),
        "classification", c.classification(), "status", l == Language.ZH
            ? Glossary.bundled().term("status." + c.status().jsonName()).map(t -> t.zh()).orElse(c.status().jsonName())
            : c.status().jsonName(), "table", table.id())));
    IndustryNames.EditionNames names = IndustryNames.bundled().editions().get(e);
    java.util.Optional<String> name = names == null ? java.util.Optional.empty() : names.nameOrParent(code);
    out.println(Printable.escape(name.map(n -> say(l, "classify.name", "name", n))
        .orElseGet(() -> say(l, "classify.noName", "edition", e.label()))));
    RankingDefinition key = Ranking.load(KEY_INDUSTRIES);
    String keyLine;
    try {
      keyLine = key.keyIndustryOf(c.code(), c.riskClass())
          .map(k -> say(l, "classify.key", "definition", key.id(), "name", k.name(l.tag()),
              "id", k.id()))
          .orElseGet(() -> say(l, "classify.notKey", "definition", key.id()));
    } catch (InputException unclear) {
      keyLine = say(l, "classify.keyUnclear", "definition", key.id(), "why", unclear.detail(l.locale()));
    }
    out.println(Printable.escape(keyLine));
    return Main.OK;
  }
}
