package io.earshot.access;

import io.earshot.platform.CommandContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code earshot users add|list}: manage users from the command line, e.g. the first administrator. */
@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "Add or list users.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
public class UsersCommand {

    @ParentCommand
    CommandContext root;

    /** {@code earshot users add --email E [--name N] [--admin] [--role R]… [--unit U]… [--password-stdin]}. */
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Add a user. Without --password-stdin, prints a one-time link (/welcome?token=…) where they set a password."
            })
    static class Add implements Callable<Integer> {

        @ParentCommand
        UsersCommand users;

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, description = "The user's e-mail, their sign-in name.")
        String email;

        @Option(names = "--name", description = "The user's name (default: the e-mail).")
        String name;

        @Option(names = "--admin", description = "Make the user an administrator (sees all data).")
        boolean admin;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                description = "A role: administrator, analyst, leader, frontline, account_manager, viewer. Repeatable.")
        List<String> roles = List.of();

        @Option(names = "--unit", paramLabel = "UNIT", description = "A business unit id. Repeatable.")
        List<String> units = List.of();

        @Option(
                names = "--password-stdin",
                description = "Read the password (at least 12 characters) from standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Set<Role> chosen = EnumSet.noneOf(Role.class);
            if (admin) {
                chosen.add(Role.ADMINISTRATOR);
            }
            for (String text : roles) {
                Role role = Role.parse(text).orElse(null);
                if (role == null) {
                    err.println("Unknown role '" + text + "'; use one of "
                            + EnumSet.allOf(Role.class).stream()
                                    .map(r -> r.name().toLowerCase(java.util.Locale.ROOT))
                                    .collect(Collectors.joining(", ")));
                    return 2;
                }
                chosen.add(role);
            }
            String password = null;
            if (passwordStdin) {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            try (ConfigurableApplicationContext context = users.root.startContext()) {
                Users store = context.getBean(Users.class);
                Set<String> unitIds = new LinkedHashSet<>(units);
                if (chosen.contains(Role.ADMINISTRATOR) && unitIds.isEmpty()) {
                    context.getBean(Units.class).all().stream()
                            .filter(BusinessUnit::isCompany)
                            .forEach(unit -> unitIds.add(unit.id()));
                }
                String display = name == null ? email : name;
                if (password != null) {
                    User user = store.create(email, display, password, chosen, unitIds, false);
                    out.println("Added " + user.email() + " (" + user.roles() + ").");
                } else {
                    String token = store.invite(email, display, chosen, unitIds);
                    out.println("Added " + email + ". They set their password once at /welcome?token=" + token);
                }
                return 0;
            } catch (IllegalArgumentException e) {
                err.println("Cannot add the user: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code earshot users list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
    static class ListUsers implements Callable<Integer> {

        @ParentCommand
        UsersCommand users;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ConfigurableApplicationContext context = users.root.startContext()) {
                for (User user : context.getBean(Users.class).all()) {
                    out.printf(
                            "%s\t%s\t%s\t%s\t%s%n",
                            user.email(),
                            user.name(),
                            user.roles().stream().sorted().map(Enum::name).collect(Collectors.joining(",")),
                            String.join(",", new java.util.TreeSet<>(user.units())),
                            user.active() ? "active" : "deactivated");
                }
            }
            return 0;
        }
    }
}
