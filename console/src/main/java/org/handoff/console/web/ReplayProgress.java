package org.handoff.console.web;

import java.util.List;

/**
 * Bulk replays being watched: each service's job (its progress and every record's outcome so far) and the
 * services that refused to start one ({@code "<service>: <why>"}).
 */
public record ReplayProgress(List<BulkReplay.Job> jobs, List<String> failed) {

    /** Until every job is done the page reads itself again. */
    public boolean running() {
        return jobs.stream().anyMatch(job -> job.job() != null && !job.job().finished());
    }

    /** The address of the job list alone, for the page's refresh. */
    public String progressHref() {
        StringBuilder href = new StringBuilder("/admin/dead-letters/replays/progress");
        String sep = "?";
        for (BulkReplay.Job job : jobs) {
            href.append(sep).append("job=").append(job.service()).append(':').append(job.id());
            sep = "&";
        }
        return href.toString();
    }
}
