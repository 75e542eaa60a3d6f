package io.earshot.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in user again on every request, so that a change of roles or units applies at once and a
 * deactivated user's open sessions end with their next request.
 */
final class ViewerRefreshFilter extends OncePerRequestFilter {

    private final Users users;
    private final HttpSessionSecurityContextRepository sessions;

    ViewerRefreshFilter(Users users, HttpSessionSecurityContextRepository sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Viewer viewer = authentication != null && authentication.getPrincipal() instanceof Viewer.Holder holder
                ? holder.viewer()
                : null;
        if (viewer != null && !viewer.isToken()) {
            Optional<User> user = users.find(viewer.id()).filter(User::active);
            if (user.isEmpty()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!user.get().viewer().equals(viewer)) {
                Viewer fresh = user.get().viewer();
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        new SignedIn(fresh), null, Authorities.of(fresh)));
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
