package org.ratefloat.json;

import org.ratefloat.error.ErrorCode;
import org.ratefloat.error.InputException;
import org.ratefloat.error.RateFloatException;
import org.ratefloat.error.RuleTableException;
import java.nio.file.Path;

/**
 * Turns a {@link Fault} found at a JSON pointer into the exception of the document kind being read:
 * {@link InputException} for employer data, {@link RuleTableException} for rule tables.
 */
public interface Faults {

  RateFloatException fault(Fault fault, String pointer, String detail);

  /**
   * A fault told by a sentence of the message catalogue, its key and values (each written with
   * {@link java.util.Locale#ROOT}); a kind of document that cannot carry a key is told the English.
   */
  default RateFloatException fault(Fault fault, String pointer, String key, java.util.Map<String, String> values) {
    return fault(fault, pointer, org.ratefloat.text.Catalogue.text(org.ratefloat.text.Language.EN, key, values));
  }

  /** Faults of employer input documents ({@code IN} codes). */
  Faults INPUT = new Faults() {
    @Override
    public RateFloatException fault(Fault fault, String pointer, String detail) {
      return new InputException(inputCode(fault), pointer, detail);
    }

    @Override
    public RateFloatException fault(Fault fault, String pointer, String key, java.util.Map<String, String> values) {
      return new InputException(inputCode(fault), pointer, key, values);
    }
  };

  /** Faults of the employer input document in {@code file}: each message starts with the file. */
  static Faults inputFile(Path file) {
    return (fault, pointer, detail) -> new InputException(inputCode(fault), pointer, file + ": " + detail);
  }

  /** Faults of the rule-table document with the given file name ({@code RT} codes). */
  static Faults ruleTable(String source) {
    return new Faults() {
      @Override
      public RateFloatException fault(Fault fault, String pointer, String detail) {
        return new RuleTableException(ruleCode(fault), source, pointer, detail);
      }

      @Override
      public RateFloatException fault(Fault fault, String pointer, String key, java.util.Map<String, String> values) {
        return new RuleTableException(ruleCode(fault), source, pointer, key, values);
      }
    };
  }

  private static ErrorCode inputCode(Fault fault) {
    return switch (fault) {
      case MALFORMED -> ErrorCode.IN001;
      case DUPLICATE_KEY -> ErrorCode.IN002;
      case UNKNOWN_KEY -> ErrorCode.IN003;
      case MISSING -> ErrorCode.IN004;
      case WRONG_TYPE -> ErrorCode.IN005;
      case NOT_DECIMAL -> ErrorCode.IN006;
      case BAD_VALUE -> ErrorCode.IN023;
      case TOO_LARGE -> ErrorCode.IN024;
      case NO_SUCH_FILE -> ErrorCode.IN026;
      case DIRECTORY -> ErrorCode.IN027;
      case NOT_REGULAR -> ErrorCode.IN028;
      case UNREADABLE -> ErrorCode.IN029;
    };
  }

  private static ErrorCode ruleCode(Fault fault) {
    return switch (fault) {
      case MALFORMED -> ErrorCode.RT001;
      case DUPLICATE_KEY -> ErrorCode.RT002;
      case UNKNOWN_KEY -> ErrorCode.RT003;
      case MISSING -> ErrorCode.RT004;
      case WRONG_TYPE -> ErrorCode.RT005;
      case NOT_DECIMAL -> ErrorCode.RT006;
      case BAD_VALUE -> ErrorCode.RT009;
      case TOO_LARGE -> ErrorCode.RT017;
      case NO_SUCH_FILE -> ErrorCode.RT030;
      case DIRECTORY -> ErrorCode.RT031;
      case NOT_REGULAR -> ErrorCode.RT032;
      case UNREADABLE -> ErrorCode.RT033;
    };
  }
}
