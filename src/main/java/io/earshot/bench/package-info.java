/**
 * The benchmark commands: import speed against DuckDB's own CSV reader, metric speed against raw SQL, and peak heap,
 * at sizes of millions of signals ({@code earshot bench}); search latency against raw Lucene on the same index
 * ({@code earshot bench-search}). See {@code docs/benchmarks.md}.
 */
package io.earshot.bench;
