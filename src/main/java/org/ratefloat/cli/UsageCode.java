package org.ratefloat.cli;

/**
 * The codes of a command line the {@code ratefloat} command does not accept (exit 2): the command
 * line's own, beside the library's {@link org.ratefloat.error.ErrorCode}s, which are about documents.
 * An embedder never meets them; the README lists them with the others, and they never change
 * meaning either.
 */
enum UsageCode {
  /** Unknown command, option or argument. */
  CL001("unknown command, option or argument"),
  /** Missing command, option or argument. */
  CL002("missing command, or a required option or argument"),
  /** Invalid option value or combination of options. */
  CL003("invalid option value or combination of options (an option given without the one it needs)");

  private final String summary;

  UsageCode(String summary) {
    this.summary = summary;
  }

  /** One-line description of the fault this code stands for, as the README's table gives it. */
  String summary() {
    return summary;
  }

  /** The description in a language: English as the README's table gives it, else from the catalogue. */
  String summary(org.ratefloat.text.Language lang) {
    return lang == org.ratefloat.text.Language.EN ? summary : org.ratefloat.text.Catalogue.text(lang, "usage.code." + name());
  }
}
