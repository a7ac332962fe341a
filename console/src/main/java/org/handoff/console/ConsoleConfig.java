package org.handoff.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** The console's settings: where the services are, and how its pages show time. */
@ConfigMapping(prefix = "handoff.console")
public interface ConsoleConfig {

    /** Base URL per service, keyed by its short name (referral, police, health, social, notification). */
    Map<String, ServiceEndpoint> services();

    /** Times on the pages are shown in this zone (the demo agencies are in Almaty); the zone is printed beside them. */
    @WithDefault("Asia/Almaty")
    ZoneId timeZone();

    /** How often the duty officer's feed asks for new notifications while it has no live connection. */
    @WithDefault("4S")
    Duration feedRefresh();

    /**
     * How often it asks while the live connection (notification-service's WebSocket feed) is up: that feed
     * carries only the notifications addressed to the user; the agency's others come with this refresh.
     */
    @WithDefault("20S")
    Duration feedRefreshLive();

    interface ServiceEndpoint {
        URI url();
    }
}
