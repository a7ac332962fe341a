package org.handoff.inbox.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.Actor;
import org.handoff.inbox.config.SectorConfig;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.plumbing.security.Caller;

/**
 * Who may see and do what in this sector. Roles come from configuration because the same resources
 * serve three sectors: a worker acts within their own agency, a reader (coordination) reads every
 * agency's records of the sector, anyone else (admin included) sees no survivor data at all.
 */
@ApplicationScoped
public class SectorAccess {

    private final Caller caller;
    private final SectorConfig sector;

    public SectorAccess(Caller caller, SectorConfig sector) {
        this.caller = caller;
        this.sector = sector;
    }

    public boolean isWorker() {
        return sector.workerRoles().stream().anyMatch(caller::hasRole);
    }

    public boolean isReader() {
        return sector.readerRoles().stream().anyMatch(caller::hasRole);
    }

    /** Workers of this sector and readers; everyone else gets 403. */
    public void requireRead() {
        if (!isWorker() && !isReader()) {
            throw forbidden("this " + sector.name() + " resource needs one of " + sector.workerRoles()
                    + " or " + sector.readerRoles());
        }
    }

    /** Workers of this sector with an agency claim; everyone else gets 403. */
    public void requireWorker() {
        if (!isWorker()) {
            throw forbidden("this action needs one of " + sector.workerRoles());
        }
        agency();
    }

    /** The caller's agency; a worker token without one cannot act for anybody. */
    public String agency() {
        return caller.agency().orElseThrow(() -> forbidden("the token carries no agency claim"));
    }

    /**
     * Whether the caller may see a record held for {@code owner}. A record without an owner agency
     * (a referral routed to the sector at large) is visible to every worker of the sector.
     */
    public boolean canSee(String owner) {
        if (isWorker()) {
            return owner == null || caller.agency().map(owner::equals).orElse(false);
        }
        return isReader();
    }

    /** The agency a list is restricted to, or null when the caller reads the whole sector. */
    public String agencyScope() {
        return isWorker() ? agency() : null;
    }

    public boolean seesPii(String owner) {
        return isWorker() && sector.piiRoles().stream().anyMatch(caller::hasRole)
                && caller.agency().map(a -> a.equals(owner)).orElse(false);
    }

    /** The caller as an event actor, under the first role that lets them act here. */
    public Actor actor() {
        String role = sector.workerRoles().stream().filter(caller::hasRole).findFirst()
                .orElseGet(() -> sector.readerRoles().stream().filter(caller::hasRole).findFirst().orElse("unknown"));
        return new Actor(caller.userId(), role, agency());
    }

    public String userId() {
        return caller.userId();
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }
}
