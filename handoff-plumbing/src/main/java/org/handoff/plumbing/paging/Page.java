package org.handoff.plumbing.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list; {@code total} counts every match so a client can page on. Pages count from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** The requested page size, defaulted and clamped to 1..{@link #MAX_SIZE}. */
    public static int size(Integer size) {
        return size == null ? DEFAULT_SIZE : Math.max(1, Math.min(size, MAX_SIZE));
    }

    /** The requested page number, defaulted to 0 and never negative. */
    public static int page(Integer page) {
        return page == null ? 0 : Math.max(0, page);
    }

    /** The page of an in-memory list that holds every match. */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total);
    }
}
