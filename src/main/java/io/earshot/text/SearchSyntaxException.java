package io.earshot.text;

/**
 * A search query the parser cannot read: says what is wrong and at which column (from 1) of the query.
 */
public class SearchSyntaxException extends IllegalArgumentException {

    private final int column;

    SearchSyntaxException(String message, int column) {
        super(message);
        this.column = column;
    }

    /** The column of the query (from 1) where reading failed, or 0 when the parser did not say. */
    public int column() {
        return column;
    }
}
