package org.handoff.notification.service;

import org.handoff.plumbing.audit.AuditLog;

/** Who the audit chain names for what the service does by itself: consuming events, escalating on its clock. */
public final class ServiceActor {

    public static final AuditLog.Who WHO = new AuditLog.Who("system:notification-service", "system", "");

    private ServiceActor() {
    }
}
