package io.earshot.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page with a reason code (not the message: a link must not be able to put words on the page):
 * {@code failed}, {@code throttled} or {@code oidc}.
 */
final class SignInFailure implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String reason = exception instanceof LockedException
                ? "throttled"
                : exception instanceof OAuth2AuthenticationException ? "oidc" : "failed";
        response.sendRedirect(request.getContextPath() + "/signin?error=" + reason);
    }
}
