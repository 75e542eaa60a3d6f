package io.earshot.access;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an e-mail and password against the stored bcrypt hash, with the {@link SignInThrottle} in front, and writes
 * the outcome to the audit log. Every failure gets the same message, so the page does not tell which e-mails exist.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    static final String FAILED = "The e-mail or password is not right, or the user is deactivated.";
    static final String THROTTLED =
            "Too many failed sign-ins: wait " + SignInThrottle.WINDOW.toMinutes() + " minutes before you try again.";

    private final Users users;
    private final SignInThrottle throttle;
    private final Audit audit;

    PasswordSignIn(Users users, SignInThrottle throttle, Audit audit) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = attempt.getName();
        String password = attempt.getCredentials() == null
                ? null
                : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : Audit.currentOrigin();
        Optional<Duration> wait = throttle.blocked(email, address);
        if (wait.isPresent()) {
            audit.record(email, "sign-in.throttled", email, null, address);
            throw new LockedException(THROTTLED);
        }
        Optional<User> user = users.find(email);
        if (user.isEmpty() || !users.passwordMatches(user.get(), password)) {
            throttle.failed(email, address);
            audit.record(email == null ? "" : email, "sign-in.failed", email, null, address);
            throw new BadCredentialsException(FAILED);
        }
        throttle.succeeded(email);
        audit.record(user.get().email(), "sign-in", user.get().email(), "password", address);
        Viewer viewer = user.get().viewer();
        return UsernamePasswordAuthenticationToken.authenticated(new SignedIn(viewer), null, Authorities.of(viewer));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
