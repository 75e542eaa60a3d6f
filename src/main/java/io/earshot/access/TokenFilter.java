package io.earshot.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer es_…} requests with an API token. A malformed, unknown or revoked token
 * is answered with 401 at once, rather than treated as no credentials.
 */
final class TokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final JsonErrors errors;
    private final Audit audit;

    TokenFilter(ApiTokens tokens, JsonErrors errors, Audit audit) {
        this.tokens = tokens;
        this.errors = errors;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Viewer> viewer = tokens.authenticate(header.substring(7));
        if (viewer.isEmpty()) {
            audit.record("anonymous", "token.refused", request.getRequestURI(), null, request.getRemoteAddr());
            errors.write(
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "unauthorized",
                    "The API token is not valid: it is malformed, unknown or revoked.");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(new TokenAuthentication(viewer.get()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
