package org.handoff.social.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.handoff.inbox.service.CaseAccess;
import org.handoff.inbox.service.Instants;
import org.handoff.inbox.service.SectorAccess;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.social.Placement;
import org.handoff.social.Shelter;

import java.time.Clock;
import java.util.UUID;

/**
 * Shelter beds. A placement takes its beds with one conditional UPDATE: PostgreSQL re-checks the
 * condition against the latest committed row, so concurrent placements queue on the row and the last
 * one that does not fit is refused; nothing is read first and decided in Java, where it could race.
 */
@ApplicationScoped
public class ShelterService {

    private static final String TAKE = "UPDATE shelter SET occupied = occupied + :beds"
            + " WHERE id = :id AND occupied + :beds <= capacity";
    private static final String FREE = "UPDATE shelter SET occupied = occupied - :beds WHERE id = :id";

    private final CaseAccess cases;
    private final Clock clock;

    public ShelterService(CaseAccess cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    public Uni<Shelter> create(String name, String region, String agency, int capacity) {
        Shelter shelter = new Shelter();
        shelter.id = UUID.randomUUID();
        shelter.name = name;
        shelter.region = region;
        shelter.agency = agency;
        shelter.capacity = capacity;
        return shelter.persist();
    }

    /** Runs inside the caller's transaction. */
    public Uni<Placement> place(UUID shelterId, UUID caseId, int beds, SectorAccess access) {
        return cases.require(caseId, access)
                .chain(() -> update(TAKE, shelterId, beds))
                .chain(taken -> {
                    if (taken == 0) {
                        return Shelter.<Shelter>findById(shelterId).map(shelter -> {
                            if (shelter == null) {
                                throw ProblemException.notFound("shelter " + shelterId);
                            }
                            throw new ProblemException(409, "no-capacity", "The shelter is full",
                                    shelter.name + " has " + (shelter.capacity - shelter.occupied) + " free bed(s), "
                                            + beds + " requested");
                        });
                    }
                    Placement placement = new Placement();
                    placement.id = UUID.randomUUID();
                    placement.shelterId = shelterId;
                    placement.caseId = caseId;
                    placement.agency = access.agency();
                    placement.beds = beds;
                    placement.placedAt = Instants.now(clock);
                    placement.placedBy = access.userId();
                    return placement.<Placement>persistAndFlush();
                });
    }

    /** Frees the beds; releasing twice frees them once. */
    public Uni<Placement> release(UUID placementId, long ifMatch, SectorAccess access) {
        return Placement.<Placement>findById(placementId, LockModeType.PESSIMISTIC_WRITE).chain(placement -> {
            if (placement == null || !access.canSee(placement.agency)) {
                throw ProblemException.notFound("placement " + placementId);
            }
            if (placement.releasedAt != null) {
                return Uni.createFrom().item(placement);
            }
            if (placement.version != ifMatch) {
                throw ProblemException.preconditionFailed("placement " + placementId + " is at version "
                        + placement.version + ", you sent " + ifMatch);
            }
            placement.releasedAt = Instants.now(clock);
            placement.releasedBy = access.userId();
            return placement.<Placement>persistAndFlush()
                    .call(() -> update(FREE, placement.shelterId, placement.beds));
        });
    }

    private static Uni<Integer> update(String sql, UUID shelterId, int beds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter("beds", beds).setParameter("id", shelterId).executeUpdate());
    }
}
