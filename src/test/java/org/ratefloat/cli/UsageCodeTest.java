package org.ratefloat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratefloat.error.ErrorCode;

/**
 * The command line's usage codes are its own: listed in the README beside the library's codes, with
 * the same words as before they left the library's {@link ErrorCode}, and no code is in both sets.
 */
class UsageCodeTest {
  @Test
  void theReadmeListsEveryUsageCodeInTheWordsItAlwaysHad() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (UsageCode code : UsageCode.values()) {
      assertTrue(readme.contains("| `" + code.name() + "` | " + code.summary() + " |"), code + " missing from README");
    }
    // the words of ratefloat 0.1.0's ErrorCode.CL001..CL003, kept as they were released
    assertEquals(List.of("unknown command, option or argument", "missing command, or a required option or argument",
        "invalid option value or combination of options (an option given without the one it needs)"),
        Arrays.stream(UsageCode.values()).map(UsageCode::summary).toList());
  }

  @Test
  void theLibraryHasNoCommandLineCodes() {
    assertTrue(Arrays.stream(ErrorCode.values()).noneMatch(c -> c.name().startsWith("CL")),
        "a library code of the command line's prefix");
  }
}
