package org.handoff.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.notification.Roster;
import org.handoff.notification.Shift;

import java.util.List;

@ApplicationScoped
public class RosterRepository implements PanacheRepositoryBase<Roster, String> {

    public Uni<List<Shift>> shifts(String agency) {
        return Shift.list("agency = ?1 order by level, startsAt, userId", agency);
    }

    public Uni<Long> deleteShifts(String agency) {
        return Shift.delete("agency", agency);
    }

    public Uni<Long> shiftsOf(String userId) {
        return Shift.count("userId", userId);
    }

    public Uni<List<Roster>> page(String region, int page, int size) {
        return (region == null ? findAll(io.quarkus.panache.common.Sort.by("agency"))
                : find("region = ?1", io.quarkus.panache.common.Sort.by("agency"), region))
                .page(page, size).list();
    }

    public Uni<Long> countRegion(String region) {
        return region == null ? count() : count("region", region);
    }
}
