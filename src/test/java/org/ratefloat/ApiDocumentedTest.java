package org.ratefloat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every type, constructor, method, constant and enum constant the module exports has a doc comment
 * (javadoc's doclint checks the comments there are; this checks that none is missing). Members that
 * override a documented one inherit its comment; a record's components are documented by the
 * record's {@code @param} tags, which doclint checks.
 */
class ApiDocumentedTest {
  private static final List<Path> EXPORTED = List.of(Path.of("src/main/java/org/ratefloat"),
      Path.of("src/main/java/org/ratefloat/error"), Path.of("src/main/java/org/ratefloat/model"),
      Path.of("src/main/java/org/ratefloat/decision"), Path.of("src/main/java/org/ratefloat/thresholds"));
  private static final Pattern PUBLIC = Pattern.compile("^\\s*public\\s.*");
  private static final Pattern ENUM_CONSTANT = Pattern.compile("^\\s+[A-Z][A-Z0-9_]*(\\(.*|,|;)?\\s*$");

  @Test
  void everyExportedDeclarationHasADocComment() throws IOException {
    List<String> undocumented = new ArrayList<>();
    int declarations = 0;
    for (Path dir : EXPORTED) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")
            && !f.endsWith("module-info.java")).sorted().toList()) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          boolean inEnum = false;
          int enumDepth = -1;
          int depth = 0;
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String code = line.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("//.*", "");
            boolean declaration = PUBLIC.matcher(code).matches()
                || inEnum && depth == enumDepth && ENUM_CONSTANT.matcher(code).matches();
            if (declaration && !overrides(lines, i) && !privateEnclosing(lines, i)) {
              declarations++;
              if (!documented(lines, i)) {
                undocumented.add(file + ":" + (i + 1) + ": " + line.strip());
              }
            }
            if (code.matches("^\\s*(public\\s+)?(static\\s+)?enum\\s.*\\{.*")) {
              inEnum = true;
              enumDepth = depth + 1;
            }
            for (char c : code.toCharArray()) {
              if (c == '{') {
                depth++;
              } else if (c == '}') {
                depth--;
                if (inEnum && depth < enumDepth) {
                  inEnum = false;
                }
              }
            }
            if (inEnum && code.contains(";") && depth == enumDepth && !code.contains("(")) {
              inEnum = !code.strip().endsWith(";") || code.strip().matches("[A-Z][A-Z0-9_]*;");
            }
          }
        }
      }
    }
    assertTrue(declarations > 200, "the scan found the API's declarations: " + declarations);
    assertEquals(List.of(), undocumented, undocumented.size() + " exported declarations without a doc comment");
  }

  /** Whether the declaration at {@code i} carries {@code @Override} (it inherits its comment). */
  private static boolean overrides(List<String> lines, int i) {
    for (int j = i - 1; j >= 0; j--) {
      String s = lines.get(j).strip();
      if (s.startsWith("@Override")) {
        return true;
      }
      if (!s.startsWith("@")) {
        return false;
      }
    }
    return false;
  }

  /** Whether a doc comment ends just above the declaration (annotations between are allowed). */
  private static boolean documented(List<String> lines, int i) {
    for (int j = i - 1; j >= 0; j--) {
      String s = lines.get(j).strip();
      if (s.startsWith("@") && !s.startsWith("@param") && !s.startsWith("@return")) {
        continue;
      }
      return s.endsWith("*/") && commentIsDoc(lines, j);
    }
    return false;
  }

  private static boolean commentIsDoc(List<String> lines, int end) {
    for (int j = end; j >= 0; j--) {
      String s = lines.get(j).strip();
      if (s.startsWith("/**")) {
        return true;
      }
      if (s.startsWith("/*")) {
        return false;
      }
    }
    return false;
  }

  /** Members of a private or package-private nested type are not exported (a rough check by indentation). */
  private static boolean privateEnclosing(List<String> lines, int i) {
    int indent = lines.get(i).indexOf(lines.get(i).strip());
    for (int j = i - 1; j >= 0 && indent > 0; j--) {
      String line = lines.get(j);
      if (line.isBlank()) {
        continue;
      }
      int ind = line.indexOf(line.strip());
      if (ind < indent && line.strip().matches(".*\\b(class|record|interface|enum)\\b.*\\{\\s*$")) {
        if (!line.strip().startsWith("public")) {
          return true;
        }
        indent = ind;
      }
    }
    return false;
  }
}
