package io.earshot.signal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * External ids for rows whose source has none: {@code sha256-HEX-N}, the SHA-256 of the row's raw text and its
 * occurrence N in the file. The reader writes every such id with N = 1; the import numbers repeated hashes afterwards
 * in SQL (see {@link ImportedRows#numberRepeatedHashes}), so that two identical rows in one file are two signals while
 * re-importing the file finds every id already stored — without holding the file's hashes in memory.
 */
final class ContentHash {

    static final String PREFIX = "sha256-";
    static final String FIRST = "-1";

    private final MessageDigest sha256;

    ContentHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String firstOccurrence(String raw) {
        byte[] digest = sha256.digest(raw.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(digest) + FIRST;
    }
}
