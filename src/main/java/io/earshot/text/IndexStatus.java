package io.earshot.text;

/**
 * How far the search index is built.
 *
 * @param building whether a rebuild from the store is under way (results are incomplete until it ends)
 * @param indexed signals indexed so far by the rebuild, or in the index when none runs
 * @param total signals to index in the rebuild, or in the index when none runs
 */
public record IndexStatus(boolean building, long indexed, long total) {

    /** The share done, 0 to 100. */
    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, indexed * 100 / total);
    }
}
