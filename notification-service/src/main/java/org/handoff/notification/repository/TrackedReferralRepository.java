package org.handoff.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.notification.TrackedReferral;

import java.util.UUID;

@ApplicationScoped
public class TrackedReferralRepository implements PanacheRepositoryBase<TrackedReferral, UUID> {
}
