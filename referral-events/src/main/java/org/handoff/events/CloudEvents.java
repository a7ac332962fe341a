package org.handoff.events;

/**
 * The CloudEvents 1.0 envelope in Kafka binary mode: attributes travel as {@code ce_*} headers, the
 * JSON payload is the record value, the key is the case id.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE_JSON = "application/json";
    /** Extension attribute carrying the id that ties one report's events together across services. */
    public static final String CORRELATION_ID_EXTENSION = "correlationid";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TIME = "ce_time";
    /** The case id. */
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_CORRELATION_ID = "ce_" + CORRELATION_ID_EXTENSION;
    /** {@code datacontenttype} in binary mode. */
    public static final String HEADER_CONTENT_TYPE = "content-type";
    /** W3C trace context, carried so one report can be followed through every service. */
    public static final String HEADER_TRACEPARENT = "traceparent";

    public static final String SOURCE_PREFIX = "/handoff/";
    public static final String SOURCE_REFERRAL_SERVICE = SOURCE_PREFIX + "referral-service";
    public static final String SOURCE_POLICE_SERVICE = SOURCE_PREFIX + "police-service";
    public static final String SOURCE_HEALTH_SERVICE = SOURCE_PREFIX + "health-service";
    public static final String SOURCE_SOCIAL_SERVICE = SOURCE_PREFIX + "social-service";
    public static final String SOURCE_NOTIFICATION_SERVICE = SOURCE_PREFIX + "notification-service";

    private CloudEvents() {
    }

    /** The {@code ce_source} of a service: {@code /handoff/<service>}. */
    public static String source(String service) {
        return SOURCE_PREFIX + Checks.requiredText(service, "service");
    }

    /** The {@code ce_source} of a sector's service, e.g. {@code /handoff/health-service}. */
    public static String source(Sector sector) {
        return source(Checks.required(sector, "sector").id() + "-service");
    }
}
