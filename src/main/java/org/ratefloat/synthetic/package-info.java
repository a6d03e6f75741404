/**
 * Synthetic portfolios: seeded, realistic employers and histories for tests, benchmarks and trying
 * out a rule table on a whole province. Start with
 * {@link org.ratefloat.synthetic.PortfolioGenerator}.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.synthetic;

import org.jspecify.annotations.NullUnmarked;
