package org.ratefloat.ranking;

import org.ratefloat.document.DocumentFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;
import org.ratefloat.model.Edition;
import org.ratefloat.registry.IndustryNames;

/**
 * The monthly ranking of key-industry employers: loading a definition ({@link RankingDefinition}),
 * ranking a portfolio month ({@link RankingRun}, giving a {@link RankingResult}) and writing it
 * ({@link RankingJson}, {@link RankingCsv}). Start here.
 *
 * @since 0.1.0
 */
public final class Ranking {
  /** The format of a ranking definition. */
  public static final String FORMAT = "ratefloat/ranking@2";
  /** The format of a ranking's JSON (the output of {@code ratefloat rank}). */
  public static final String RESULT_FORMAT = "ratefloat/ranking-result@2";
  /** How the file of a ranking definition is named: {@code <id>.ranking.json}. */
  static final String BUNDLED_SUFFIX = ".ranking.json";

  private Ranking() {}

  /**
   * Loads a ranking definition and the documents it names (classification, regions, industry
   * names): each {@code <id>.json} next to the definition, or else the bundled one of that id.
   */
  public static RankingDefinition load(Path file) {
    DocumentFiles.Named named = DocumentFiles.read(file);
    List<Path> read = new java.util.ArrayList<>(named.file().stream().toList());
    return DefinitionParser.parse(named.name(), named.bytes(), DocumentFiles.recording(DocumentFiles.beside(file), read))
        .withFiles(read);
  }

  /**
   * Loads a ranking definition named by a path or by the id of a bundled definition (the
   * {@code rules/<id>.ranking.json} shipped inside the library): a file at that path wins.
   *
   * @throws RuleTableException {@code RT030} if it is neither, saying where it looked
   */
  public static RankingDefinition load(String fileOrId) {
    Optional<Path> file = DocumentFiles.asFile(fileOrId);
    if (file.isPresent()) {
      return load(file.get());
    }
    Optional<DocumentFiles.Named> bundled = DocumentFiles.bundledFile(fileOrId + BUNDLED_SUFFIX);
    if (bundled.isEmpty()) {
      throw DocumentFiles.notFound(fileOrId, "ranking definition", DocumentFiles.bundledWhere(fileOrId + BUNDLED_SUFFIX),
          bundledDefinitions());
    }
    RankingDefinition loaded = DefinitionParser.parse(bundled.get().name(), bundled.get().bytes(),
        DocumentFiles.bundled());
    if (!loaded.id().equals(fileOrId)) {
      throw new RuleTableException(ErrorCode.RT008, bundled.get().name(), "/id", "bundled file "
          + bundled.get().name() + " holds definition \"" + loaded.id() + "\", not \"" + fileOrId + "\"");
    }
    return loaded;
  }

  /** Parses a definition, finding the documents it names through {@code refs}. */
  static RankingDefinition parse(String source, byte[] bytes, DocumentFiles.Source refs) {
    return DefinitionParser.parse(source, bytes, refs);
  }

  /** The ids of the ranking definitions shipped inside the library, sorted. */
  public static List<String> bundledDefinitions() {
    return DocumentFiles.bundledNames().stream().filter(n -> n.endsWith(BUNDLED_SUFFIX))
        .map(n -> n.substring(0, n.length() - BUNDLED_SUFFIX.length())).toList();
  }

  /**
   * What a definition counts as its key industries, in words, one line a code: each key industry's
   * name and id, then its risk classes and, by edition, its codes with their names (from the
   * definition's industry names, else the bundled ones).
   */
  public static String industries(RankingDefinition d, boolean chinese) {
    IndustryNames names = d.industryNames().orElseGet(IndustryNames::bundled);
    StringBuilder out = new StringBuilder();
    out.append(chinese ? d.title().zh() : d.title().en()).append(" (").append(d.id()).append(' ')
        .append(d.version()).append(")\n");
    for (RankingDefinition.KeyIndustry k : d.keyIndustries()) {
      out.append(chinese ? k.name().zh() : k.name().en()).append(" [").append(k.id()).append("]\n");
      if (!k.classes().isEmpty()) {
        out.append("  ").append(chinese ? "风险类别 " : "risk classes ").append(String.join(", ",
            k.classes().stream().map(String::valueOf).toList())).append('\n');
      }
      k.codes().forEach((Edition edition, List<String> codes) -> {
        out.append("  ").append(edition.label()).append('\n');
        IndustryNames.EditionNames en = names.editions().get(edition);
        for (String code : codes) {
          out.append("    ").append(code);
          Optional<String> name = en == null ? Optional.empty() : en.name(code);
          if (name.isPresent()) {
            out.append(' ').append(name.get());
          } else if (en != null && code.length() == 3) {
            // a group without a name of its own (some of the 2017 edition's): named by its classes
            List<String> inside = en.classes().entrySet().stream().filter(c -> c.getKey().startsWith(code))
                .map(c -> c.getKey() + " " + c.getValue()).toList();
            out.append(' ').append(chinese ? "（含 " : "(holds ").append(String.join(chinese ? "、" : ", ", inside))
                .append(chinese ? "）" : ")");
          }
          out.append('\n');
        }
      });
    }
    return out.toString();
  }

  /**
   * One line for each group whose list left a tie out at the cut: the group's code and Chinese name,
   * how many employers shared which position, and the rule that left them out.
   */
  public static java.util.List<String> leftOutAtCut(RankingResult r) {
    return leftOutAtCut(r, java.util.Locale.ROOT);
  }

  /**
   * {@link #leftOutAtCut(RankingResult)} in the language of a locale ({@code zh}: Chinese, any
   * other: English), the rule by the definition's own words in that language.
   */
  public static java.util.List<String> leftOutAtCut(RankingResult r, java.util.Locale locale) {
    org.ratefloat.text.Language lang = org.ratefloat.text.Language.of(locale);
    java.util.List<String> lines = new java.util.ArrayList<>();
    for (RankingResult.Group g : r.groups()) {
      org.ratefloat.document.Text rule = r.definition().tiesAtCut().words();
      g.leftOut().ifPresent(l -> lines.add(org.ratefloat.text.Message.of("rank.leftOutAtCut", "code", g.key().code(),
          "name", g.key().name().zh(), "n", l.employers(), "position", l.position().toPlainString(), "rule",
          lang == org.ratefloat.text.Language.ZH ? rule.zh() : rule.en()).in(lang)));
    }
    return lines;
  }
}
