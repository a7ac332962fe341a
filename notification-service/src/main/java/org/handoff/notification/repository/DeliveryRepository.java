package org.handoff.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.notification.Delivery;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    public Uni<List<Delivery>> ofNotification(UUID notificationId) {
        return list("notificationId = ?1 order by channel", notificationId);
    }

    public Uni<List<Delivery>> ofNotifications(List<UUID> notificationIds) {
        return notificationIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("notificationId in ?1 order by channel", notificationIds);
    }
}
