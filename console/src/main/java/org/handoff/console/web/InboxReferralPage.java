package org.handoff.console.web;

import org.handoff.console.api.Inbox;

import java.util.List;

/**
 * One referral of the inbox with the actions its state allows. Each form carries the version shown here
 * (sent as If-Match) and an Idempotency-Key made when the page was rendered, so a double submit is one action.
 *
 * @param done    the action just carried out (after the redirect), or null
 * @param problem why the last action was refused: changed (412), conflict (409), forbidden, not-found,
 *                invalid, failed; or null
 */
public record InboxReferralPage(String sector, Inbox.Referral referral, Due due, List<Form> forms, String done,
                                String problem, String detail) {

    /** One action's form. */
    public record Form(String action, String idempotencyKey) {
    }

    public List<String> declineReasons() {
        return Inbox.DECLINE_REASONS;
    }

    public List<String> outcomes() {
        return Inbox.OUTCOMES;
    }

    public List<String> serviceTypes() {
        return Inbox.SERVICE_TYPES;
    }
}
