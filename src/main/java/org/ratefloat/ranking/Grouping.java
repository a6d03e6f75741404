package org.ratefloat.ranking;

import java.util.Arrays;
import java.util.Optional;
import org.ratefloat.document.Text;

/** How a month's employers are grouped, each group ranked and cut on its own. */
public enum Grouping {
  /** One list for the whole province. */
  PROVINCE("province", new Text("全省", "province-wide")),
  /** One list per city (市州), by the employers' regions. */
  CITY("city", new Text("按市州", "by city")),
  /** One list per key industry. */
  INDUSTRY("industry", new Text("按重点行业", "by key industry"));

  private final String jsonName;
  private final Text words;

  Grouping(String jsonName, Text words) {
    this.jsonName = jsonName;
    this.words = words;
  }

  /** The name on the command line ({@code --by}) and in a ranking's JSON. */
  public String jsonName() {
    return jsonName;
  }

  /** The grouping in words. */
  public Text words() {
    return words;
  }

  /** The grouping of that name, if any. */
  public static Optional<Grouping> byJsonName(String name) {
    return Arrays.stream(values()).filter(g -> g.jsonName.equals(name)).findFirst();
  }
}
