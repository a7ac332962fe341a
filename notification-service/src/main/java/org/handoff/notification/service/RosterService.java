package org.handoff.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.notification.Person;
import org.handoff.notification.Roster;
import org.handoff.notification.Shift;
import org.handoff.notification.config.NotificationConfig;
import org.handoff.notification.repository.PersonRepository;
import org.handoff.notification.repository.RosterRepository;
import org.handoff.plumbing.security.Roles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who is on duty at an agency, level by level, at a given instant (in the roster's own time zone). */
@ApplicationScoped
public class RosterService {

    public static final String COORDINATOR = "coordinator";

    private final RosterRepository rosters;
    private final PersonRepository people;
    private final NotificationConfig config;

    public RosterService(RosterRepository rosters, PersonRepository people, NotificationConfig config) {
        this.rosters = rosters;
        this.people = people;
        this.config = config;
    }

    /** The people on duty at one level. */
    public record OnDuty(Roster roster, int level, List<Person> people) {

        public String role() {
            return roleOf(level);
        }
    }

    /** The realm role a level acts under: duty officer, supervisor, coordinator. */
    public static String roleOf(int level) {
        return switch (level) {
            case 1 -> Roles.DUTY_OFFICER;
            case 2 -> Roles.SUPERVISOR;
            case 3 -> COORDINATOR;
            default -> "level-" + level;
        };
    }

    /**
     * The lowest level, from {@code fromLevel} up to the configured top, with someone on duty at
     * {@code at}; empty when the agency has no roster or nobody is on duty at or above that level.
     */
    public Uni<Optional<OnDuty>> firstStaffed(String agency, int fromLevel, Instant at) {
        if (agency == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return rosters.findById(agency).chain(roster -> roster == null
                ? Uni.createFrom().item(Optional.<OnDuty>empty())
                : rosters.shifts(agency).chain(shifts -> {
                    for (int level = Math.max(1, fromLevel); level <= config.escalation().maxLevel(); level++) {
                        Set<String> onDuty = onDuty(shifts, roster, level, at);
                        if (!onDuty.isEmpty()) {
                            int found = level;
                            return people.byIds(onDuty).map(list -> Optional.of(new OnDuty(roster, found, list)));
                        }
                    }
                    return Uni.createFrom().item(Optional.<OnDuty>empty());
                }));
    }

    /** Everyone on duty at every level at {@code at}, lowest level first. */
    public Uni<List<OnDuty>> chain(Roster roster, Instant at) {
        return rosters.shifts(roster.agency).chain(shifts -> {
            Set<String> everyone = new LinkedHashSet<>();
            List<Set<String>> byLevel = new ArrayList<>();
            for (int level = 1; level <= config.escalation().maxLevel(); level++) {
                Set<String> onDuty = onDuty(shifts, roster, level, at);
                byLevel.add(onDuty);
                everyone.addAll(onDuty);
            }
            return people.byIds(everyone).map(found -> {
                List<OnDuty> chain = new ArrayList<>();
                for (int i = 0; i < byLevel.size(); i++) {
                    Set<String> ids = byLevel.get(i);
                    chain.add(new OnDuty(roster, i + 1, found.stream().filter(p -> ids.contains(p.userId)).toList()));
                }
                return chain;
            });
        });
    }

    private static Set<String> onDuty(List<Shift> shifts, Roster roster, int level, Instant at) {
        Set<String> ids = new LinkedHashSet<>();
        for (Shift shift : shifts) {
            if (shift.level == level && shift.covers(at, roster.zone())) {
                ids.add(shift.userId);
            }
        }
        return ids;
    }
}
