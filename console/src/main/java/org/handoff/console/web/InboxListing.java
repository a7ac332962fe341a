package org.handoff.console.web;

import org.handoff.console.api.Inbox;

import java.util.List;

/**
 * One page of a sector's inbox as the service sorted it (most pressing deadline first), with the filter
 * that found it and, per referral, the deadline it waits on.
 */
public record InboxListing(String sector, List<String> sectors, Filter filter, List<Row> rows, int page, int size,
                           long total) {

    /** {@code caseId} is what was typed; {@code invalid} when it is no case id (then it is not sent). */
    public record Filter(String state, boolean overdue, String caseId, boolean invalid) {
    }

    public record Row(Inbox.Referral referral, Due due) {
    }

    public List<String> states() {
        return Inbox.STATES;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** Counted from 1, as the page says it. */
    public int pageNumber() {
        return page + 1;
    }

    public String previousHref() {
        return pageHref(page - 1);
    }

    public String nextHref() {
        return pageHref(page + 1);
    }

    /** This list's address on another page, with the same filter. */
    String pageHref(int to) {
        StringBuilder href = new StringBuilder("/inbox?page=").append(to);
        if (sectors.size() > 1) {
            href.append("&sector=").append(sector);
        }
        if (filter.state() != null) {
            href.append("&state=").append(filter.state());
        }
        if (filter.overdue()) {
            href.append("&overdue=true");
        }
        if (filter.caseId() != null && !filter.invalid()) {
            href.append("&caseId=").append(filter.caseId());
        }
        return href.toString();
    }
}
