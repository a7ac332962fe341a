package org.handoff.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the console's pages, in English; {@code messages/msg_ru.properties} has the same keys in
 * Russian. Another language is another {@code msg_<tag>.properties} with every key (MessagesTest checks).
 * Templates use them as {@code {msg:key}}; the page's language picks the file.
 */
@MessageBundle(locale = Languages.DEFAULT)
public interface Msg {

    // chrome
    @Message("Skip to content")
    String skipToContent();

    @Message("Main")
    String navLabel();

    @Message("Language")
    String languageLabel();

    @Message("Home")
    String navHome();

    @Message("Live feed")
    String navFeed();

    @Message("Dead letters")
    String navDeadLetters();

    @Message("Find a case")
    String navCase();

    @Message("Sign out")
    String signOut();

    @Message("Signed in as {user}")
    String signedInAs(String user);

    @Message("Times in {zone}")
    String timesIn(String zone);

    @Message("{service} could not be reached: {error}")
    String serviceError(String service, String error);

    // home
    @Message("Handoff console")
    String homeTitle();

    @Message("Welcome, {name}")
    String homeHeading(String name);

    @Message("User")
    String user();

    @Message("Roles")
    String roles();

    @Message("Agency")
    String agency();

    @Message("Sector")
    String sector();

    @Message("none")
    String none();

    @Message("What you can do here")
    String whatYouCanDo();

    @Message("Your agency's notifications as they arrive, and acknowledge them")
    String linkFeed();

    @Message("The events each service could not apply, and replay them")
    String linkDeadLetters();

    @Message("A case's referrals and notifications, by its id")
    String linkCase();

    @Message("This console has nothing for your role yet; the agency system is where your work is.")
    String nothingForRole();

    @Message("""
            {#when role}\
            {#is 'admin'}Administrator\
            {#is 'duty-officer'}Duty officer\
            {#is 'supervisor'}Supervisor\
            {#is 'case-manager'}Case manager\
            {#is 'police-officer'}Police officer\
            {#is 'health-worker'}Health worker\
            {#is 'social-worker'}Social worker\
            {#else}{role}\
            {/when}""")
    String role(String role);

    // duty officer: the live feed
    @Message("Live feed")
    String feedTitle();

    @Message("Notifications for {agency}")
    String feedHeading(String agency);

    @Message("Newest first; the list updates by itself every few seconds.")
    String feedHint();

    @Message("Live: new notifications for you show at once.")
    String feedLive();

    @Message("Refreshing every few seconds.")
    String feedPolling();

    @Message("No notifications yet.")
    String feedEmpty();

    @Message("{count} waiting for acknowledgement")
    String feedWaiting(long count);

    @Message("Acknowledge")
    String acknowledge();

    @Message("Acknowledge {subject}")
    String acknowledgeLabel(String subject);

    @Message("Acknowledged by {by} at {at}")
    String acknowledgedBy(String by, String at);

    @Message("You acknowledged {subject}.")
    String acknowledgedFlash(String subject);

    @Message("Received")
    String received();

    @Message("Escalation level {level}")
    String escalationLevel(int level);

    @Message("Case")
    String caseLabel();

    @Message("""
            {#when reason}\
            {#is 'NEW_REFERRAL'}New referral\
            {#is 'REFERRAL_OVERDUE'}Referral overdue\
            {#is 'ESCALATION'}Escalation\
            {#is 'STATUS_FEEDBACK'}Status feedback\
            {#is 'CONSENT_WITHDRAWN'}Consent withdrawn\
            {#else}{reason}\
            {/when}""")
    String reason(String reason);

    // administrator: dead letters
    @Message("Dead letters")
    String deadLettersTitle();

    @Message("Events a service's consumer could not apply. Replaying one runs it through the same consumer again.")
    String deadLettersHint();

    @Message("Filter")
    String filter();

    @Message("Service")
    String service();

    @Message("all services")
    String allServices();

    @Message("Topic")
    String topic();

    @Message("Event type")
    String eventType();

    @Message("Case id")
    String caseId();

    @Message("Since (e.g. 2026-12-01T00:00:00Z)")
    String since();

    @Message("Status")
    String status();

    @Message("any")
    String anyStatus();

    @Message("Show")
    String show();

    @Message("{service}: {total} dead letter(s)")
    String serviceTotal(String service, long total);

    @Message("No dead letters match.")
    String noDeadLetters();

    @Message("When")
    String when();

    @Message("Error")
    String error();

    @Message("Details")
    String details();

    @Message("Details of {position}")
    String detailsLabel(String position);

    @Message("""
            {#when status}\
            {#is 'open'}open\
            {#is 'applied'}applied\
            {#is 'already-applied'}already applied\
            {#is 'failed-again'}failed again\
            {#else}{status}\
            {/when}""")
    String statusLabel(String status);

    // administrator: one dead letter
    @Message("Dead letter {position}")
    String deadLetterHeading(String position);

    @Message("Dead-letter position")
    String position();

    @Message("Consumed from")
    String original();

    @Message("Event id")
    String eventId();

    @Message("Key")
    String key();

    @Message("Consumer")
    String consumer();

    @Message("Error class")
    String errorClass();

    @Message("Attempts")
    String attempts();

    @Message("Payload (as stored; events carry no survivor data)")
    String payload();

    @Message("Last replay")
    String lastReplay();

    @Message("{outcome} by {by} at {at} (replays: {replays})")
    String lastReplayLine(String outcome, String by, String at, int replays);

    @Message("Never replayed")
    String neverReplayed();

    @Message("Replay")
    String replay();

    @Message("Replay outcome: {outcome}")
    String replayOutcome(String outcome);

    @Message("Back to the dead letters")
    String backToDeadLetters();

    // a case
    @Message("Case {ref}")
    String caseHeading(String ref);

    @Message("Find a case")
    String findCase();

    @Message("Open")
    String open();

    @Message("That is not a case id (a UUID such as 3f2b…).")
    String notACaseId();

    @Message("Referral timeline")
    String timeline();

    @Message("No referral steps you may see.")
    String timelineEmpty();

    @Message("referral-service does not show this case's timeline to your role.")
    String timelineForbidden();

    @Message("Referral")
    String referral();

    @Message("To sector")
    String toSector();

    @Message("State")
    String state();

    @Message("By")
    String by();

    @Message("After previous step")
    String latency();

    @Message("Notifications about this case")
    String caseNotifications();

    @Message("Recipient")
    String recipient();

    @Message("Reason")
    String reasonLabel();

    @Message("Subject")
    String subject();

    @Message("Dead letters of this case")
    String caseDeadLetters();

    @Message("Events across the services")
    String eventFlow();

    @Message("Every event of this case: which service produced it and when the broker took it, which consumers applied it and how long after it was produced.")
    String eventFlowHint();

    @Message("No service has an event of this case.")
    String eventFlowEmpty();

    @Message("Produced by")
    String producedBy();

    @Message("Applied by")
    String appliedBy();

    @Message("on the broker after {ms} ms")
    String publishedAfter(Long ms);

    @Message("after {ms} ms")
    String appliedAfter(Long ms);

    @Message("not reported by its producer")
    String unknownProducer();

    // pages that cannot be shown
    @Message("""
            {#when kind}\
            {#is 'forbidden'}Not for your role\
            {#is 'not-found'}Not found\
            {#else}Not available right now\
            {/when}""")
    String problemTitle(String kind);

    @Message("""
            {#when kind}\
            {#is 'forbidden'}Your role may not open this page.\
            {#is 'not-found'}There is nothing at this address (any more).\
            {#else}A service this page needs did not answer; try again in a moment.\
            {/when}""")
    String problemText(String kind);

    @Message("Back to the start page")
    String backHome();

    @Message("No survivor data is shown here: only references, states, agencies and times.")
    String noPii();
}
