package io.earshot.programme;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A clear answer when an upload of a recording or transcript is larger than the server's multipart limit
 * ({@code spring.servlet.multipart.max-request-size}), which the container enforces before any controller runs:
 * a page, or JSON for programs, saying the limits and what is accepted, instead of a bare status. Uploads to other
 * pages keep Spring's own answer.
 */
@ControllerAdvice
class RecordingUploadLimit {

    private static final Pattern RECORDING_UPLOAD =
            Pattern.compile("/programmes/[^/]+/sessions/[^/]+/recordings(/[^/]+/transcript)?/?");

    private final Recordings recordings;
    private final DataSize requestLimit;

    RecordingUploadLimit(
            Recordings recordings, @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize requestLimit) {
        this.recordings = recordings;
        this.requestLimit = requestLimit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request)
            throws MaxUploadSizeExceededException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!RECORDING_UPLOAD.matcher(path).matches()) {
            throw e; // not ours: Spring's own resolver answers it
        }
        String message = "The upload is larger than Earshot accepts: at most "
                + Recording.size(
                        Math.min(requestLimit.toBytes(), recordings.limit().toBytes()))
                + " for a recording (" + MediaKind.accepted() + ") and " + Recording.size(Transcripts.MAX_BYTES)
                + " for a transcript. Nothing was kept.";
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains("text/html")) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("error", "upload too large", "message", message));
        }
        ModelAndView page = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
        page.addObject("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
        page.addObject("error", "Upload too large");
        page.addObject("message", message);
        page.addObject("path", path);
        page.addObject("back", path.replaceFirst("/transcript/?$", ""));
        return page;
    }
}
