package org.ratefloat.registry;

import org.ratefloat.document.DocumentFiles;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.RuleTableException;

/** Finding a document of the registry by id, as every one of them is found. */
final class Documents {
  private Documents() {}

  /** The ids of the bundled documents whose file names end in {@code suffix}, sorted. */
  static java.util.List<String> bundledIds(String suffix) {
    return DocumentFiles.bundledNames().stream().filter(n -> n.endsWith(suffix))
        .map(n -> n.substring(0, n.length() - suffix.length())).toList();
  }

  /**
   * The document {@code id} (the file {@code <id><suffix>}) through {@code refs}: next to the document
   * naming it, then among the bundled ones; {@code RT008} at {@code pointer} of {@code source} if it is
   * not there or holds another id.
   *
   * @param what what the document is, for the message ("regions", "industry names")
   */
  static <T> T find(String id, String suffix, String what, DocumentFiles.Source refs, String source, String pointer,
      BiFunction<String, byte[], T> parse, Function<T, String> idOf) {
    String name = id + suffix.substring(0, suffix.length() - ".json".length());
    DocumentFiles.Named named = refs.find(name).orElseThrow(() -> new RuleTableException(ErrorCode.RT008, source,
        pointer, what + " \"" + id + "\" not found (looked for " + refs.where(name) + ")"));
    T document = parse.apply(named.name(), named.bytes());
    if (!idOf.apply(document).equals(id)) {
      throw new RuleTableException(ErrorCode.RT008, source, pointer, "file " + named.name() + " holds " + what
          + " \"" + idOf.apply(document) + "\", not \"" + id + "\"");
    }
    return document;
  }
}
