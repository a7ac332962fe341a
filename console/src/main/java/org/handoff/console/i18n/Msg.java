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
            {#is 'not-replayed'}not replayed\
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

    // navigation and home: the new pages
    @Message("Inbox")
    String navInbox();

    @Message("Referrals to your sector: accept or decline them, start and complete them")
    String linkInbox();

    @Message("Flows")
    String navFlows();

    @Message("Every service's consumers, outbox and dead letters; referrals by state and those needing attention")
    String linkFlows();

    // a sector's inbox
    @Message("Referral inbox")
    String inboxTitle();

    @Message("Referrals to {sector}")
    String inboxHeading(String sector);

    @Message("Most pressing deadline first. Only references, states, deadlines and agencies are shown here.")
    String inboxHint();

    @Message("Only overdue")
    String onlyOverdue();

    @Message("No referrals match.")
    String inboxEmpty();

    @Message("Priority")
    String priority();

    @Message("Next deadline")
    String nextDeadline();

    @Message("Overdue")
    String overdue();

    @Message("""
            {#when state}\
            {#is 'REQUESTED'}Requested\
            {#is 'RECEIVED'}Received\
            {#is 'ACCEPTED'}Accepted\
            {#is 'IN_PROGRESS'}In progress\
            {#is 'COMPLETED'}Completed\
            {#is 'DECLINED'}Declined\
            {#is 'CANCELLED'}Cancelled\
            {#is 'FAILED'}Failed\
            {#is 'EXPIRED'}Expired\
            {#else}{state}\
            {/when}""")
    String referralState(String state);

    @Message("""
            {#when priority}\
            {#is 'EMERGENCY'}Emergency\
            {#is 'URGENT'}Urgent\
            {#is 'ROUTINE'}Routine\
            {#else}{priority}\
            {/when}""")
    String priorityLabel(String priority);

    @Message("""
            {#when kind}\
            {#is in 'receipt' 'RECEIPT'}Receipt\
            {#is in 'acceptance' 'ACCEPTANCE'}Acceptance\
            {#else}{kind}\
            {/when}""")
    String deadlineKind(String kind);

    @Message("{span} left")
    String dueIn(String span);

    @Message("overdue by {span}")
    String duePassed(String span);

    @Message("{#if days > 0}{days} d {/if}{#if days > 0 || hours > 0}{hours} h {/if}{minutes} min")
    String span(long days, long hours, long minutes);

    @Message("Previous")
    String previousPage();

    @Message("Next")
    String nextPage();

    @Message("Page {page} · {total} in all")
    String pageOf(int page, long total);

    // one referral of the inbox
    @Message("{caseRef}: referral to {sector}")
    String inboxReferralHeading(String caseRef, String sector);

    @Message("From sector")
    String fromSector();

    @Message("Region")
    String region();

    @Message("Version")
    String version();

    @Message("Requested")
    String requestedAt();

    @Message("Accepted")
    String acceptedAt();

    @Message("Started")
    String startedAt();

    @Message("Closed")
    String closedAt();

    @Message("Receipt due")
    String receiptDue();

    @Message("Acceptance due")
    String acceptanceDue();

    @Message("Decline reason")
    String declineReasonLabel();

    @Message("Outcome")
    String outcomeLabel();

    @Message("Cancellation reason")
    String cancellationReasonLabel();

    @Message("Restricted (cancelled or consent withdrawn): nothing about the survivor is kept for it")
    String restrictedLabel();

    @Message("What you can do")
    String inboxActions();

    @Message("Nothing is left to do in this state.")
    String inboxNoActions();

    @Message("Your role reads this inbox; the sector's workers act on it.")
    String inboxReadOnly();

    @Message("""
            {#when action}\
            {#is 'accept'}Accept\
            {#is 'decline'}Decline\
            {#is 'start'}Start providing services\
            {#is 'complete'}Complete\
            {#else}{action}\
            {/when}""")
    String actionLabel(String action);

    @Message("""
            {#when reason}\
            {#is 'OUTSIDE_MANDATE'}Outside our mandate\
            {#is 'NO_CAPACITY'}No capacity\
            {#is 'WRONG_AGENCY'}Wrong agency\
            {#is 'SURVIVOR_DECLINED'}The survivor declined\
            {#is 'SURVIVOR_UNREACHABLE'}The survivor cannot be reached\
            {#is 'DUPLICATE_REFERRAL'}Duplicate referral\
            {#else}{reason}\
            {/when}""")
    String declineReason(String reason);

    @Message("Redirect to agency (optional)")
    String redirectAgency();

    @Message("""
            {#when outcome}\
            {#is 'SERVICES_PROVIDED'}Services provided\
            {#is 'PARTIALLY_PROVIDED'}Partially provided\
            {#is 'SURVIVOR_DECLINED_SERVICES'}The survivor declined the services\
            {#is 'SURVIVOR_UNREACHABLE'}The survivor cannot be reached\
            {#is 'REFERRED_ONWARD'}Referred onward\
            {#else}{outcome}\
            {/when}""")
    String outcome(String outcome);

    @Message("Services provided")
    String servicesProvided();

    @Message("""
            {#when service}\
            {#is 'MEDICAL_CARE'}Medical care\
            {#is 'POST_EXPOSURE_PROPHYLAXIS'}Post-exposure prophylaxis\
            {#is 'EMERGENCY_CONTRACEPTION'}Emergency contraception\
            {#is 'FORENSIC_EXAMINATION'}Forensic examination\
            {#is 'PSYCHOSOCIAL_SUPPORT'}Psychosocial support\
            {#is 'SAFETY_PLANNING'}Safety planning\
            {#is 'SHELTER'}Shelter\
            {#is 'LEGAL_AID'}Legal aid\
            {#is 'CHILD_PROTECTION'}Child protection\
            {#is 'INVESTIGATION'}Investigation\
            {#is 'PROTECTION_ORDER'}Protection order\
            {#else}{service}\
            {/when}""")
    String serviceType(String service);

    @Message("Choose…")
    String chooseOne();

    @Message("""
            {#when action}\
            {#is 'accept'}You accepted this referral.\
            {#is 'decline'}You declined this referral.\
            {#is 'start'}You started providing services.\
            {#is 'complete'}You completed this referral.\
            {#else}{action}\
            {/when}""")
    String inboxDone(String action);

    @Message("""
            {#when problem}\
            {#is 'changed'}This referral changed since you opened it — here is its current state. Check it, then act again if still needed.\
            {#is 'conflict'}Its state no longer allows that — here is its current state.\
            {#is 'forbidden'}Your role may not do that with this referral.\
            {#is 'not-found'}This referral is not (any more) in your inbox.\
            {#is 'invalid'}Choose a reason or an outcome first.\
            {#else}The service did not carry it out; try again in a moment.\
            {/when}""")
    String inboxProblem(String problem);

    @Message("Back to the inbox")
    String backToInbox();

    @Message("Open in the inbox")
    String openInInbox();

    // administrator: flows
    @Message("Flows")
    String flowsTitle();

    @Message("Per service: what its consumers have not read yet (lag, from the broker as referral-service's flow monitor sees it), what its outbox has not published yet, and what it could not apply.")
    String flowsHint();

    @Message("Consumer group")
    String consumerGroup();

    @Message("Lag")
    String lag();

    @Message("Outbox")
    String outbox();

    @Message("{count} unsent")
    String outboxUnsent(long count);

    @Message("oldest waiting {seconds} s")
    String outboxOldest(long seconds);

    @Message("no consumer group on the broker")
    String noGroup();

    @Message("did not answer: {error}")
    String notAnswered(String error);

    @Message("{total} dead letter(s)")
    String deadLetterCount(long total);

    @Message("Topics")
    String topics();

    @Message("Partitions")
    String partitions();

    @Message("End offset")
    String endOffset();

    @Message("Records/s")
    String ratePerSecond();

    @Message("Dead-letter topic")
    String deadLetterTopic();

    @Message("Consumer groups")
    String consumerGroups();

    @Message("Committed")
    String committed();

    @Message("End")
    String end();

    @Message("Per partition")
    String perPartition();

    @Message("p{partition}: lag {lag}")
    String partitionLag(int partition, long lag);

    @Message("Referrals by state and sector")
    String referralsByState();

    @Message("Count")
    String count();

    @Message("Needing attention")
    String needsAttention();

    @Message("""
            {#when kind}\
            {#is 'overdue'}Overdue\
            {#is 'escalated'}Escalated\
            {#is 'stuck'}Stuck (receipt never confirmed)\
            {#else}{kind}\
            {/when}""")
    String attentionLabel(String kind);

    @Message("As of {at}")
    String asOf(String at);

    @Message("yes")
    String yes();

    // administrator: referrals needing attention
    @Message("""
            {#when kind}\
            {#is 'overdue'}Overdue referrals\
            {#is 'escalated'}Escalated referrals\
            {#is 'stuck'}Stuck referrals\
            {#else}{kind}\
            {/when}""")
    String attentionTitle(String kind);

    @Message("Oldest deadline first: a deadline passed and was not met (escalated: the duty chain was alerted; stuck: the recipient's system never confirmed receipt).")
    String attentionHint();

    @Message("None.")
    String attentionEmpty();

    @Message("Age")
    String age();

    @Message("Deadline")
    String deadline();

    @Message("Due")
    String dueAt();

    @Message("Overdue by")
    String overdueBy();

    @Message("Escalation level")
    String escalation();

    @Message("Last change")
    String lastChange();

    @Message("From")
    String from();

    @Message("Back to the flows")
    String backToFlows();

    // administrator: bulk replay
    @Message("Replay in bulk: each record goes through its consumer again, a few per second; the job page shows every outcome.")
    String bulkHint();

    @Message("Replay selected")
    String replaySelected();

    @Message("Replay all matching ({count})")
    String replayMatching(long count);

    @Message("Select")
    String select();

    @Message("Select {position}")
    String selectLabel(String position);

    @Message("""
            {#when notice}\
            {#is 'nothing-selected'}Tick the dead letters to replay first.\
            {#is 'nothing-matches'}No dead letters match the filter.\
            {#else}{notice}\
            {/when}""")
    String deadLetterNotice(String notice);

    @Message("Bulk replay")
    String replayJobsTitle();

    @Message("Replay at {service}")
    String replayJobHeading(String service);

    @Message("The page updates by itself until every replay is done.")
    String replayRefreshing();

    @Message("""
            {#when state}\
            {#is 'running'}running\
            {#is 'finished'}finished\
            {#else}{state}\
            {/when}""")
    String jobState(String state);

    @Message("{done} of {total} replayed")
    String jobProgress(int done, int total);

    @Message("Requested by")
    String requestedBy();

    @Message("Finished")
    String finishedAt();

    @Message("Paused, waiting for: {what}")
    String waitingFor(String what);

    @Message("This replay is not known to the service (any more): it keeps finished ones for a while only.")
    String jobGone();

    @Message("Not started: {why}")
    String replayNotStarted(String why);

    @Message("{outcome}: {count}")
    String outcomeCount(String outcome, int count);

    @Message("No survivor data is shown here: only references, states, agencies and times.")
    String noPii();
}
