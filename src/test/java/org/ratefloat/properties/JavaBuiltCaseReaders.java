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
    // the draft with one fault applied (or none), as JavaBuiltCaseProperties draws it
    JavaBuiltCaseProperties.Change change = JavaBuiltCaseProperties.change(d, random);
    if (change.code().isEmpty()) {
      JavaBuiltCaseProperties.rebalance(d); // exposures that add up to the payroll again, as there
    }
    String outcome = CaseReaders.agree(JavaBuiltCaseProperties.jsonDocument(d));
    // the readers agree with each other (CaseReaders.agree) and with what the change makes of the document
    org.junit.jupiter.api.Assertions.assertEquals(change.code().map(c -> "refused " + c).orElse("read"), outcome,
        change.name());
    Statistics.label("outcome").collect(outcome);
  }
}
