package org.handoff.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.notification.Person;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, String> {

    public Uni<List<Person>> byIds(Collection<String> userIds) {
        return userIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("userId in ?1 order by userId", userIds);
    }

    public Uni<List<Person>> byAgency(String agency) {
        return list("agency = ?1 order by userId", agency);
    }
}
