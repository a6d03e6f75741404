/**
 * What every document of the rule format shares, whatever it is (rule table, reference data,
 * classification, ranking definition, region list, simulation roundings): finding and reading its
 * bytes ({@link org.ratefloat.document.DocumentFiles}: a file, a document next to the one that names
 * it, a bundled one), the fields each opens with ({@link org.ratefloat.document.DocumentFields}: format,
 * id, version, texts in two languages, status, sources), the named roundings, and the industry
 * classification that tables and ranking definitions both name. The rule table's own format lives in
 * {@code org.ratefloat.rules}, the portfolio tools' documents in their packages; both build on this.
 *
 * <p>Internal.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.document;

import org.jspecify.annotations.NullUnmarked;
