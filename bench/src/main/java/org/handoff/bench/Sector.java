package org.handoff.bench;

import java.util.Locale;

/** The three sectors; each runs a sector service that takes reports and receives referrals. */
enum Sector {
    POLICE(8082),
    HEALTH(8083),
    SOCIAL(8084);

    final int port;

    Sector(int port) {
        this.port = port;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The agency system's confidential client in the realm, e.g. police-system. */
    String clientId() {
        return id() + "-system";
    }

    String database() {
        return "handoff_" + id();
    }
}
