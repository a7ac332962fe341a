package org.handoff.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The console's pages (templates/*.html), checked at build time against what each is given. */
@CheckedTemplate(basePath = "")
public final class Pages {

    private Pages() {
    }

    public static native TemplateInstance home(Chrome chrome);

    public static native TemplateInstance duty(Chrome chrome, Feed feed, String acknowledged, String failed, long refreshMillis,
                                                long liveRefreshMillis);

    /** Just the feed's list, for the page's poll. */
    public static native TemplateInstance duty$feed(Chrome chrome, Feed feed);

    /** {@code notice}: why a bulk replay asked for was not started (nothing-selected, nothing-matches), or null. */
    public static native TemplateInstance deadLetters(Chrome chrome, DeadLetterListing listing, String notice);

    /** The bulk replays being watched; {@code replayJobs$jobs} is the list alone, for the page's refresh. */
    public static native TemplateInstance replayJobs(Chrome chrome, ReplayProgress progress);

    public static native TemplateInstance replayJobs$jobs(Chrome chrome, ReplayProgress progress);

    public static native TemplateInstance inbox(Chrome chrome, InboxListing listing);

    public static native TemplateInstance inboxReferral(Chrome chrome, InboxReferralPage view);

    public static native TemplateInstance flows(Chrome chrome, FlowBoard board);

    public static native TemplateInstance attention(Chrome chrome, String kind, org.handoff.console.api.MonitoringApi.AttentionPage found);

    public static native TemplateInstance deadLetter(Chrome chrome, String service, org.handoff.console.api.DeadLetters.DeadLetter letter,
                                                     String replayed, String replayError);

    public static native TemplateInstance findCase(Chrome chrome, String query, boolean invalid);

    public static native TemplateInstance caseFlow(Chrome chrome, CaseFlow flow);

    /** A page that could not be shown: {@code kind} is forbidden, not-found or unavailable. */
    public static native TemplateInstance problem(Chrome chrome, String kind, String detail);
}
