package io.earshot.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages before sign-in: the sign-in page (with the demo users while demo mode is on, and the OpenID Connect
 * providers when configured), the first administrator's set-up page, and the page where an invited or reset user sets
 * a password with their one-time link.
 */
@Controller
class SignInPages {

    private final Users users;
    private final ObjectProvider<ClientRegistrationRepository> oidc;

    SignInPages(Users users, ObjectProvider<ClientRegistrationRepository> oidc) {
        this.users = users;
        this.oidc = oidc;
    }

    /** A demo user's one-click sign-in. */
    record DemoUser(String email, String name, String roles) {}

    /** An OpenID Connect provider's sign-in link. */
    record Provider(String name, String href) {}

    @GetMapping("/signin")
    String signIn(@RequestParam(required = false) String error, HttpServletRequest request, Model model) {
        model.addAttribute(
                "error",
                switch (error == null ? "" : error) {
                    case "" -> null;
                    case "throttled" -> PasswordSignIn.THROTTLED;
                    case "oidc" ->
                        "The sign-in through your organisation's provider was refused: your account has no Earshot"
                                + " role, or it is deactivated.";
                    default -> PasswordSignIn.FAILED;
                });
        model.addAttribute("signedOut", request.getParameter("signedOut") != null);
        model.addAttribute("created", request.getParameter("created") != null);
        model.addAttribute("needsSetup", users.count() == 0);
        List<DemoUser> demo = users.demoMode()
                ? users.all().stream()
                        .filter(user -> user.demo() && user.active())
                        .sorted(Comparator.comparing(user -> user.roles().stream()
                                .mapToInt(Enum::ordinal)
                                .min()
                                .orElse(99)))
                        .map(user -> new DemoUser(
                                user.email(),
                                user.name(),
                                String.join(
                                        ", ",
                                        user.roles().stream()
                                                .sorted()
                                                .map(Role::label)
                                                .toList())))
                        .toList()
                : List.of();
        model.addAttribute("demoUsers", demo);
        model.addAttribute("demoPassword", Users.DEMO_PASSWORD);
        model.addAttribute("providers", providers());
        return "access/signin";
    }

    /** Boot's repository, {@code InMemoryClientRegistrationRepository}, iterates over its registrations. */
    private List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (oidc.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration client = (ClientRegistration) registration;
                providers.add(
                        new Provider(client.getClientName(), "/oauth2/authorization/" + client.getRegistrationId()));
            }
        }
        return providers;
    }

    @GetMapping("/setup")
    String setup(@RequestParam(required = false) String token, Model model) {
        if (users.count() > 0) {
            return "redirect:/signin";
        }
        model.addAttribute("token", token);
        return "access/setup";
    }

    @PostMapping("/setup")
    String createAdministrator(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String password,
            Model model) {
        try {
            users.createFirstAdministrator(token, email, name, password);
            return "redirect:/signin?created";
        } catch (IllegalArgumentException e) {
            model.addAllAttributes(Map.of("error", e.getMessage()));
            model.addAttribute("token", token);
            model.addAttribute("email", email);
            model.addAttribute("name", name);
            return "access/setup";
        }
    }

    @GetMapping("/welcome")
    String welcome(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        return "access/welcome";
    }

    @PostMapping("/welcome")
    String setPassword(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            Model model) {
        try {
            users.setPasswordWithLink(token == null ? "" : token, password);
            return "redirect:/signin?created";
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("token", token);
            return "access/welcome";
        }
    }
}
