/**
 * Synthetic portfolios: seeded, realistic employers and histories for tests, benchmarks and trying
 * out a rule table on a whole province. Start with
 * {@link org.ratefloat.synthetic.PortfolioGenerator}.
 */
package org.ratefloat.synthetic;
