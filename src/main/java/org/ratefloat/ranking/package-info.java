/**
 * Portfolio ranking: which employers of key industries had the most work-injury accidents in a month,
 * by a ranking definition kept as data ({@code rules/*-ranking.json}). Start with
 * {@link org.ratefloat.ranking.Ranking}.
 */
@NullUnmarked // internal, its nulls not yet marked: the module's @NullMarked does not speak for it
package org.ratefloat.ranking;

import org.jspecify.annotations.NullUnmarked;
