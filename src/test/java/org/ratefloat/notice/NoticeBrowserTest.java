package org.ratefloat.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ratefloat.Chromium;
import org.ratefloat.cli.CliRun;

/**
 * The notices as an employer gets them: a portfolio's notices written by {@code ratefloat notice}
 * into one file, rendered by headless Chromium (the browser the report's test uses) and printed to
 * PDF. The DOM must hold each employer's notice with its Chinese text and the hostile name shown as
 * text; the PDF must exist, be a PDF, and have a page of its own for each employer (the notices
 * break pages). Needs Debian's {@code chromium} at /usr/bin/chromium ({@code .ci/run} installs it);
 * without it the test is skipped and says so.
 */
class NoticeBrowserTest {
  @Test
  void aPortfolioOfNoticesRendersAndPrintsOnePageEachAtLeast() throws Exception {
    Chromium.requireOrSkip("the notices are");
    Path dir = Files.createTempDirectory("ratefloat-notice");
    try {
      Path portfolio = dir.resolve("portfolio.ndjson");
      StringBuilder cases = new StringBuilder();
      for (String name : List.of("machinery", "clean-retailer-in-arrears", "construction-firm")) {
        String json = Files.readString(Path.of("examples/cn-hn-provisional/" + name + ".json")).replace("\n", "");
        if (name.equals("clean-retailer-in-arrears")) {
          // a name that would end the page's markup if it were not escaped
          json = json.replaceFirst("\"name\": \"[^\"]*\"", "\"name\": \"</section><script>alert(1)</script>\"");
        }
        cases.append(json).append('\n');
      }
      Files.writeString(portfolio, cases);
      Path page = dir.resolve("notices.html");
      CliRun run = CliRun.of("notice", "--rules", "cn-hn-provisional", "--in", portfolio.toString(), "--out",
          page.toString());
      assertEquals(0, run.code(), run.err());
      String dom = Chromium.dom(dir, page);
      assertEquals(3, count(dom, "<section class=\"notice\""), "one notice each");
      for (String zh : List.of("工伤保险费率浮动告知书", "一、本次浮动结果", "二、浮动理由", "三、下一次浮动的条件",
          "长沙示例机械制造有限公司", "湖南示例建筑工程有限公司", "费率可降至 1.3%（基准费率的 100%）",
          "工伤保险基金支付不超过 1,677,000.00 元且工伤人数不超过 30 人")) {
        assertTrue(dom.contains(zh), "missing from the page: " + zh);
      }
      assertTrue(dom.contains("&lt;/section&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "the hostile name is text");
      assertTrue(!dom.contains("<script>alert"), "no script came from a name");
      Path pdf = dir.resolve("notices.pdf");
      Chromium.printToPdf(dir, page, pdf);
      assertTrue(Files.isRegularFile(pdf), "no PDF was printed");
      byte[] bytes = Files.readAllBytes(pdf);
      assertTrue(bytes.length > 10_000, "the PDF is " + bytes.length + " bytes");
      assertEquals("%PDF-", new String(bytes, 0, 5, StandardCharsets.ISO_8859_1));
      int pages = count(new String(bytes, StandardCharsets.ISO_8859_1), "/Type /Page\n")
          + count(new String(bytes, StandardCharsets.ISO_8859_1), "/Type /Page>>")
          + count(new String(bytes, StandardCharsets.ISO_8859_1), "/Type /Page /");
      int counted = pages > 0 ? pages : pageCount(bytes);
      assertTrue(counted >= 3, "the three notices need three pages at least, the PDF has " + counted);
    } finally {
      Chromium.deleteQuietly(dir);
    }
  }

  /** Pages of a PDF by its page tree's /Count, when the page objects are not written out plainly. */
  private static int pageCount(byte[] pdf) {
    Matcher m = Pattern.compile("/Type\\s*/Pages[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages")
        .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    int most = 0;
    while (m.find()) {
      most = Math.max(most, Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
    }
    return most;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
