package org.handoff.events;

/** How the survivor may safely be contacted. */
public enum ContactMethod {
    PHONE_CALL,
    SMS,
    IN_PERSON,
    /** Only through the referring agency. */
    VIA_REFERRER,
    /** Do not contact; the survivor will come forward. */
    NO_CONTACT
}
