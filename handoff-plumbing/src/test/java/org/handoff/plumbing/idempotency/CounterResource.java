package org.handoff.plumbing.idempotency;

import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import io.smallrye.mutiny.Uni;

import java.net.URI;
import java.util.Map;

@Path("/test/counters/{name}/increments")
@PermitAll
public class CounterResource {

    private final IdempotentRequests idempotent;

    public CounterResource(IdempotentRequests idempotent) {
        this.idempotent = idempotent;
    }

    public record IncrementRequest(int by) {
    }

    @POST
    public Uni<Response> increment(@PathParam("name") String name, @HeaderParam(IdempotentRequests.HEADER) String key,
                                   IncrementRequest request) {
        return idempotent.execute("test POST counters/" + name, key, request, () -> Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO test_counter (name, value) VALUES (:name, :by)"
                                + " ON CONFLICT (name) DO UPDATE SET value = test_counter.value + :by RETURNING value", Integer.class)
                        .setParameter("name", name).setParameter("by", request.by())
                        .getSingleResult())
                .map(value -> Outcome.created(URI.create("/test/counters/" + name), Map.of("value", value))));
    }
}
