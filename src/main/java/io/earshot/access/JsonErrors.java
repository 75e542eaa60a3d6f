package io.earshot.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The JSON answers of the API when credentials are missing (401) or fall short (403). */
@Component
class JsonErrors {

    private static final String UNAUTHORIZED = "Send an API token (Authorization: Bearer es_…) or sign in.";

    private final ObjectMapper json;

    JsonErrors(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) ->
                write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", UNAUTHORIZED);
    }

    /**
     * 403, except for a caller without any credentials: only the CSRF check refuses them before the sign-in check
     * would, and what they need to hear is the 401's "send a token".
     */
    AccessDeniedHandler forbidden() {
        return (request, response, exception) -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller == null || caller instanceof AnonymousAuthenticationToken) {
                write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", UNAUTHORIZED);
                return;
            }
            write(
                    response,
                    HttpServletResponse.SC_FORBIDDEN,
                    "forbidden",
                    "Your credentials do not allow " + request.getMethod() + " " + request.getRequestURI() + ".");
        };
    }

    void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
