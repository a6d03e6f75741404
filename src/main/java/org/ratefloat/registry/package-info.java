/**
 * Reference lists the portfolio tools share, each a document in {@code rules/} read as strictly as a
 * rule table: the administrative divisions of a province ({@link org.ratefloat.registry.Regions},
 * GB/T 2260) by which employers are grouped by city, and the names of the GB/T 4754 industry codes
 * ({@link org.ratefloat.registry.IndustryNames}) that rankings and reports print.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.registry;

import org.jspecify.annotations.NullUnmarked;
