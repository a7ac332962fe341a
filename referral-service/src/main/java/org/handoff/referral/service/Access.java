package org.handoff.referral.service;

import jakarta.enterprise.context.RequestScoped;
import org.handoff.events.Actor;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;
import org.handoff.referral.CaseFile;
import org.handoff.referral.Referral;


/**
 * Who may see which referral: a case manager sees the whole case through minimal views; an agency
 * sees the referrals it sent or received; the admin sees the flow, never survivor data.
 */
@RequestScoped
public class Access {

    private final Caller caller;

    public Access(Caller caller) {
        this.caller = caller;
    }

    public boolean caseManager() {
        return caller.hasRole(Roles.CASE_MANAGER);
    }

    public boolean monitorsFlow() {
        return caseManager() || caller.hasRole(Roles.ADMIN);
    }

    public boolean originOf(CaseFile caseFile) {
        return caller.agency().map(caseFile.originAgency::equals).orElse(false);
    }

    public boolean partyTo(Referral referral) {
        if (caseManager()) {
            return true;
        }
        String agency = caller.agency().orElse(null);
        if (agency == null) {
            return false;
        }
        if (agency.equals(referral.referringAgency) || agency.equals(referral.recipientAgency)) {
            return true;
        }
        // a referral routed to a sector without a named agency is visible to that sector
        return referral.recipientAgency == null
                && caller.sector().map(referral.recipientSector.name()::equalsIgnoreCase).orElse(false);
    }

    /** The caller as the timeline and the events record them; acting needs an agency. */
    public Actor actor() {
        String agency = caller.agency().orElseThrow(() -> new ProblemException(403, "no-agency", "Forbidden",
                "the token carries no agency claim"));
        return new Actor(caller.userId(), caller.primaryRole().orElse("unknown"), agency);
    }

    public static ProblemException notYourAgency(String what) {
        return new ProblemException(403, "not-your-agency", "Forbidden",
                what + " concerns agencies other than yours");
    }

    public String agencyOrNone() {
        return caller.agency().orElse("");
    }

    public String scope(String operation) {
        return caller.userId() + " " + operation;
    }
}
