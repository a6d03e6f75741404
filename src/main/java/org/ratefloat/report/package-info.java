/**
 * The HTML report of a simulation and a ranking: one self-contained file with charts (Chart.js,
 * inlined) that opens without a network. Start with {@link org.ratefloat.report.Report}.
 */
package org.ratefloat.report;
