/**
 * The HTML report of a simulation and a ranking: one self-contained file with charts (Chart.js,
 * inlined) that opens without a network. Start with {@link org.ratefloat.report.Report}.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.report;

import org.jspecify.annotations.NullUnmarked;
