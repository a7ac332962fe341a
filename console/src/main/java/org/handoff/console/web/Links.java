package org.handoff.console.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A redirect's address with query parameters, each value encoded as it is: a service's error text may hold
 * braces, which {@code UriBuilder.queryParam} would take for a template.
 */
final class Links {

    private final String path;
    private final List<String> query = new ArrayList<>();

    private Links(String path) {
        this.path = path;
    }

    static Links to(String path) {
        return new Links(path);
    }

    Links with(String name, Object value) {
        if (value != null) {
            query.add(encode(name) + "=" + encode(value.toString()));
        }
        return this;
    }

    URI uri() {
        return URI.create(query.isEmpty() ? path : path + "?" + String.join("&", query));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
