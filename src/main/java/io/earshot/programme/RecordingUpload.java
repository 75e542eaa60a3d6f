package io.earshot.programme;

/** What came of uploading a recording: stored, or refused with a reason a person can act on; nothing is kept then. */
public sealed interface RecordingUpload permits RecordingUpload.Stored, RecordingUpload.Refused {

    /** The recording, stored whole with its row. */
    record Stored(Recording recording) implements RecordingUpload {}

    /** Refused: what was wrong and what would be accepted. */
    record Refused(String problem) implements RecordingUpload {

        public Refused {
            if (problem == null || problem.isBlank()) {
                throw new IllegalArgumentException("A refusal says why");
            }
        }
    }
}
