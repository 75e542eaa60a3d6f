/**
 * Understanding why, from the words customers used: sentence embeddings, sentiment, search, themes, drivers and
 * explained dips. Everything here is derived from signals, kept in tables keyed by signal id, and can be recomputed.
 */
package io.earshot.text;
