package org.handoff.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.handoff.events.Priority;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "handoff.notification")
public interface NotificationConfig {

    /** Where this service is reached from outside: one-time acknowledgement links point here. */
    @WithDefault("http://localhost:8085")
    String publicUrl();

    /** The duty console; a notification links to the referral there (no survivor data in the link). */
    @WithDefault("http://localhost:8086")
    String consoleUrl();

    /**
     * How long a one-time acknowledgement link works after its notification was made: a forwarded or
     * leaked old mail acknowledges nothing. Used once, it is spent at once anyway.
     */
    @WithDefault("P2D")
    java.time.Duration acknowledgementLinkValidFor();

    /** Language of a recipient whose own language has no templates yet. */
    @WithDefault("en")
    String fallbackLanguage();

    Escalation escalation();

    Acceptance acceptance();

    Delivery delivery();

    Email email();

    Sms sms();

    interface Escalation {
        /** How often open escalations are checked ({@code off}: never, as in tests that drive the clock). */
        @WithDefault("15s")
        String every();

        /** How long a level has to acknowledge before the next level up is notified. */
        @WithDefault("5m")
        Duration emergency();

        @WithDefault("15m")
        Duration urgent();

        @WithDefault("1h")
        Duration routine();

        /** The highest level of any agency's chain (3 = coordinator). */
        @WithDefault("3")
        int maxLevel();

        default Duration ackTimeout(Priority priority) {
            return switch (priority) {
                case EMERGENCY -> emergency();
                case URGENT -> urgent();
                case ROUTINE -> routine();
            };
        }
    }

    /**
     * Acceptance deadlines by priority, shown in a new-referral notification (the lifecycle event does
     * not carry the referral's deadlines): the defaults of DESIGN §4, configurable per country.
     */
    interface Acceptance {
        @WithDefault("30m")
        Duration emergency();

        @WithDefault("2h")
        Duration urgent();

        @WithDefault("24h")
        Duration routine();

        default Duration of(Priority priority) {
            return switch (priority) {
                case EMERGENCY -> emergency();
                case URGENT -> urgent();
                case ROUTINE -> routine();
            };
        }
    }

    interface Delivery {
        /** How often channels look for retries that fell due (new deliveries are sent at once on commit). */
        @WithDefault("2s")
        String poll();

        /** Rows one channel worker claims at a time. */
        @WithDefault("50")
        int batchSize();

        /** A failed delivery is tried this many times in all before it is given up. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before the first retry; doubled for each further one, up to {@link #maxBackoff()}. */
        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("10m")
        Duration maxBackoff();

        /** Connect and response timeout of webhook and SMS gateway calls. */
        @WithDefault("10s")
        Duration timeout();

        /** A claimed delivery whose sender died is claimed again after this. */
        @WithDefault("2m")
        Duration lease();

        default Duration backoff(int attempts) {
            Duration wait = initialBackoff().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
            return wait.compareTo(maxBackoff()) > 0 ? maxBackoff() : wait;
        }
    }

    interface Email {
        /** Off where no SMTP server is configured. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Sms {
        /** The HTTP gateway SMS go through ({@code POST {"to","text","reference"}}); no SMS without it. */
        Optional<URI> gatewayUrl();

        /** Bearer token for the gateway, if it wants one. */
        Optional<String> gatewayToken();
    }
}
