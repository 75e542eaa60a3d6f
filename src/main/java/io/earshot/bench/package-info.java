/**
 * The benchmark command: import speed against DuckDB's own CSV reader, metric speed against raw SQL, and peak heap, at
 * sizes of millions of signals (see {@code docs/benchmarks.md}).
 */
package io.earshot.bench;
