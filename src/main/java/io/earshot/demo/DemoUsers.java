package io.earshot.demo;

import io.earshot.access.BusinessUnit;
import io.earshot.access.Role;
import io.earshot.access.UnitRule;
import io.earshot.access.Units;
import io.earshot.access.Users;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo bank's business units and one demo user per role, whose password is {@value Users#DEMO_PASSWORD}: their
 * presence is what turns demo mode on. Units: the bank, its five regions (by region), business banking (by segment)
 * and the support desk (tickets and chats). Creating them again adds nothing.
 */
@Component
class DemoUsers {

    static final String COMPANY = "demo-bank";

    /** A demo user: e-mail, name, role, unit. */
    record Person(String email, String name, Role role, String unit) {}

    static final List<Person> PEOPLE = List.of(
            new Person("admin@demo.earshot.dev", "Ada Admin", Role.ADMINISTRATOR, COMPANY),
            new Person("analyst@demo.earshot.dev", "Ana Lyst", Role.ANALYST, COMPANY),
            new Person("programmes@demo.earshot.dev", "Pam Grammer", Role.PROGRAMME_MANAGER, COMPANY),
            new Person("leader@demo.earshot.dev", "Lee Dersen", Role.LEADER, COMPANY),
            new Person("facilitator@demo.earshot.dev", "Fay Silitator", Role.FACILITATOR, COMPANY),
            new Person("frontline@demo.earshot.dev", "Frank Line", Role.FRONTLINE, "support-desk"),
            new Person("accounts@demo.earshot.dev", "Acacia Count", Role.ACCOUNT_MANAGER, "business-banking"),
            new Person("viewer@demo.earshot.dev", "Vi Ewer", Role.VIEWER, "north"));

    private final Units units;
    private final Users users;

    DemoUsers(Units units, Users users) {
        this.units = units;
        this.users = users;
    }

    @Transactional
    void create(Consumer<String> say) {
        if (units.all().isEmpty()) {
            units.create(COMPANY, "Demo Bank", null);
        }
        String company = units.all().stream()
                .filter(BusinessUnit::isCompany)
                .map(BusinessUnit::id)
                .findFirst()
                .orElseThrow();
        for (String region : Customers.REGIONS) {
            unit(region.toLowerCase(java.util.Locale.ROOT), region, company, new UnitRule("region", region));
        }
        unit("business-banking", "Business banking", company, new UnitRule("segment", "small business"));
        unit("support-desk", "Support desk", company, new UnitRule("source", "ticket"), new UnitRule("source", "chat"));
        int added = 0;
        for (Person person : PEOPLE) {
            if (users.find(person.email()).isEmpty()) {
                users.create(
                        person.email(),
                        person.name(),
                        Users.DEMO_PASSWORD,
                        EnumSet.of(person.role()),
                        Set.of(person.unit().equals(COMPANY) ? company : person.unit()),
                        true);
                added++;
            }
        }
        if (added > 0) {
            say.accept("Demo users (password '%s'): %s"
                    .formatted(
                            Users.DEMO_PASSWORD,
                            String.join(", ", PEOPLE.stream().map(Person::email).toList())));
        }
    }

    private void unit(String id, String name, String parent, UnitRule... rules) {
        if (units.find(id).isEmpty()) {
            units.create(id, name, parent);
            for (UnitRule rule : rules) {
                units.addRule(id, rule);
            }
        }
    }
}
