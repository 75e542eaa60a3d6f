package io.earshot.access;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in and the rules in front of every request: form sign-in (and OpenID Connect when a provider is configured),
 * API tokens, CSRF on every form, the {@link AccessRules} table with everything else refused, JSON 401/403 for the API
 * and security headers on every answer.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfiguration {

    /** A strict policy: the pages load only their own scripts; ECharts and htmx set inline styles. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
                    + " form-action 'self'; frame-ancestors 'none'";

    private static final RequestMatcher API =
            PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    /** Pages send whoever is not signed in to the sign-in page, and back to the page after. */
    private static final LoginUrlAuthenticationEntryPoint SIGN_IN = new LoginUrlAuthenticationEntryPoint("/signin");

    @Bean
    HttpSessionSecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            PasswordSignIn passwordSignIn,
            ApiTokens tokens,
            Users users,
            JsonErrors errors,
            Audit audit,
            HttpSessionSecurityContextRepository sessions,
            ObjectProvider<ClientRegistrationRepository> oidc,
            OidcSignIn oidcSignIn)
            throws Exception {
        // No parent: Boot's global manager holds the same PasswordSignIn bean and would check a refused password a
        // second time, counting each failure twice in the throttle and the audit log.
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        http.authenticationProvider(passwordSignIn)
                .securityContext(context -> context.securityContextRepository(sessions))
                .addFilterBefore(new TokenFilter(tokens, errors, audit), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new ViewerRefreshFilter(users, sessions), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(AccessRulesAuthorization::apply)
                .formLogin(form -> form.loginPage("/signin")
                        .loginProcessingUrl("/signin")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new SignInFailure()))
                .logout(logout -> logout.logoutUrl("/signout")
                        .logoutSuccessUrl("/signin?signedOut")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.record(
                                        authentication.getName(),
                                        "sign-out",
                                        authentication.getName(),
                                        null,
                                        request.getRemoteAddr());
                            }
                        }))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, exception) -> {
                            if (API.matches(request)) {
                                errors.unauthorized().commence(request, response, exception);
                            } else {
                                SIGN_IN.commence(request, response, exception);
                            }
                        })
                        .defaultAccessDeniedHandlerFor(errors.forbidden(), API))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/signin")
                    .userInfoEndpoint(info -> info.oidcUserService(oidcSignIn))
                    .failureHandler(new SignInFailure()));
        }
        return http.build();
    }

    /** Turns {@link AccessRules#RULES} into request authorisation, refusing whatever no rule matches. */
    static final class AccessRulesAuthorization {

        private AccessRulesAuthorization() {}

        static void apply(
                AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
            registry.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                    .permitAll();
            for (AccessRules.Rule rule : AccessRules.RULES) {
                RequestMatcher matcher =
                        PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
                if (rule.open()) {
                    registry.requestMatchers(matcher).permitAll();
                } else {
                    registry.requestMatchers(matcher).access(allowedBy(rule));
                }
            }
            registry.anyRequest().denyAll();
        }

        private static AuthorizationManager<RequestAuthorizationContext> allowedBy(AccessRules.Rule rule) {
            return (authentication, context) -> {
                var current = authentication.get();
                boolean allowed = current != null
                        && current.isAuthenticated()
                        && current.getAuthorities().stream()
                                .anyMatch(authority -> rule.roles().stream()
                                                .anyMatch(
                                                        role -> role.authority().equals(authority.getAuthority()))
                                        || rule.scopes().stream()
                                                .anyMatch(scope ->
                                                        scope.authority().equals(authority.getAuthority())));
                return new AuthorizationDecision(allowed);
            };
        }
    }
}
