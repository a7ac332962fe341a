package org.handoff.inbox.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.handoff.events.Sector;

import java.util.List;
import java.util.Locale;

/** Which sector this service is, and which realm roles work in it. */
@ConfigMapping(prefix = "handoff.sector")
public interface SectorConfig {

    /** police, health or social: picks the inbox topic and the sector on every status event. */
    String name();

    /** Agency that takes a referral routed to the sector without a named agency, and signs system receipts. */
    String defaultAgency();

    /** Roles that work referrals and take reports here, each within their own agency. */
    List<String> workerRoles();

    /** Roles that may read every agency's referrals in this sector (coordination), never act on them. */
    @WithDefault("case-manager")
    List<String> readerRoles();

    /** Worker roles that see survivor PII unmasked on their own agency's reports. */
    List<String> piiRoles();

    /** Name on system actors, e.g. system:health-service. */
    @WithDefault("${quarkus.application.name}")
    String service();

    default Sector sector() {
        return Sector.valueOf(name().toUpperCase(Locale.ROOT));
    }
}
