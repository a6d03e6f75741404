package org.ratefloat.properties;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.ratefloat.json.CaseReaders;

/**
 * The streaming case reader against the tree reader on the documents of the Java-built case
 * properties: drafts with class codes, exposures, custom values, prior facts and accident ids,
 * valid or with one fault each, both read an equal case or refuse with the same code and pointer.
 */
class JavaBuiltCaseReaders {
  @Property(tries = 1500)
  void draftsReadAlike(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    JavaBuiltCaseProperties.Draft d = JavaBuiltCaseProperties.draft(random);
    JavaBuiltCaseProperties.Change change = JavaBuiltCaseProperties.change(d, random);
    Statistics.label("outcome").collect(CaseReaders.agree(JavaBuiltCaseProperties.jsonDocument(d)));
  }
}
