package io.earshot.text;

/**
 * How far a running theme discovery has come.
 *
 * @param run the {@code theme_run} id
 * @param phase what it does now
 * @param done selected signals whose text and vector were read
 * @param total signals selected (with text and a vector, in the period)
 */
public record ThemeProgress(int run, Phase phase, long done, long total) {

    /** The phases of a discovery, in order. */
    public enum Phase {
        /** Reading the selected signals' texts and cached vectors. */
        READING,
        /** Clustering the vectors and choosing their number (the long part). */
        CLUSTERING,
        /** Matching the clusters to the stored themes and writing the result in one transaction. */
        WRITING;

        /** The phase in words, for pages and the command line. */
        public String describe() {
            return switch (this) {
                case READING -> "reading texts and vectors";
                case CLUSTERING -> "clustering";
                case WRITING -> "matching to the stored themes and writing";
            };
        }
    }

    /** Percent done, counting the reading as the first of three equal parts. */
    public int percent() {
        return switch (phase) {
            case READING -> total == 0 ? 0 : (int) (done * 33 / total);
            case CLUSTERING -> 33;
            case WRITING -> 90;
        };
    }
}
