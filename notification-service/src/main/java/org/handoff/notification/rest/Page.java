package org.handoff.notification.rest;

import java.util.List;

/** One page of a list; {@code total} counts every match. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    static int size(Integer size) {
        return size == null ? 50 : Math.max(1, Math.min(size, MAX_SIZE));
    }

    static int page(Integer page) {
        return page == null ? 0 : Math.max(0, page);
    }
}
