/**
 * Portfolio ranking: which employers of key industries had the most work-injury accidents in a month,
 * by a ranking definition kept as data ({@code rules/*-ranking.json}). Start with
 * {@link org.ratefloat.ranking.Ranking}.
 */
package org.ratefloat.ranking;
