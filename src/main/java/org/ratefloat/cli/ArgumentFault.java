package org.ratefloat.cli;

import org.ratefloat.error.RateFloatException;

/**
 * A fault of a value given on the command line rather than in a document (the code of {@code
 * classify}): printed with the argument's name where a JSON pointer would stand, e.g.
 * {@code ratefloat: IN012 CODE: unknown GB/T 4754-2011 code: 9999}, and with the exit code of the
 * fault it wraps.
 */
final class ArgumentFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient RateFloatException fault;
  private final String argument;

  ArgumentFault(String argument, RateFloatException fault) {
    super(fault.code().name() + " " + argument + ": " + fault.detail(), fault);
    this.fault = fault;
    this.argument = argument;
  }

  /** The line in a language: the argument's name where a pointer would stand. */
  String message(org.ratefloat.text.Language lang) {
    return lang == org.ratefloat.text.Language.EN ? getMessage()
        : fault.code().name() + " " + argument + "：" + fault.detail(lang.locale());
  }

  RateFloatException fault() {
    return fault;
  }

  String argument() {
    return argument;
  }
}
