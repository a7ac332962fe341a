package org.handoff.plumbing.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.handoff.plumbing.problem.ProblemException;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a POST at most once per (caller, operation, Idempotency-Key). The key is claimed in the same
 * transaction as the change, so a concurrent retry waits for the first attempt and then replays
 * its answer; a retry whose body differs is refused with 422.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private static final String CLAIM = "INSERT INTO idempotency_record (scope, idem_key, request_hash)"
            + " VALUES (:scope, :key, :hash) ON CONFLICT DO NOTHING";
    private static final String STORE = "UPDATE idempotency_record SET status = :status, body = :body, location = :location"
            + " WHERE scope = :scope AND idem_key = :key";
    private static final String FIND = "SELECT request_hash, status, body, location FROM idempotency_record"
            + " WHERE scope = :scope AND idem_key = :key";

    private final ObjectMapper json;

    public IdempotentRequests(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param scope  who asks for what, e.g. {@code user:officer.police POST /api/v1/reports}
     * @param key    the Idempotency-Key header; when absent the action simply runs
     * @param action the change, run inside the transaction this method opens
     */
    public Uni<Response> execute(String scope, String key, Object request, Supplier<Uni<Outcome>> action) {
        if (key == null) {
            return Panache.withTransaction(action).map(this::toResponse);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Uni.createFrom().failure(ProblemException.badRequest(
                    HEADER + " must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String hash = fingerprint(request);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash)
                .executeUpdate()
                .chain(claimed -> claimed == 1
                        ? action.get().call(outcome -> session.createNativeQuery(STORE)
                                .setParameter("status", outcome.status())
                                .setParameter("body", write(outcome.body()))
                                .setParameter("location", outcome.location() == null ? null : outcome.location().toString())
                                .setParameter("scope", scope).setParameter("key", key)
                                .executeUpdate()).map(this::toResponse)
                        : session.createNativeQuery(FIND, Object[].class)
                                .setParameter("scope", scope).setParameter("key", key)
                                .getSingleResult()
                                .map(stored -> replay(stored, hash)))));
    }

    private Response replay(Object[] stored, String hash) {
        if (!hash.equals(stored[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused with a different request",
                    "this key was first used for a different request body; use a new key for a new request");
        }
        Response.ResponseBuilder response = Response.status((Integer) stored[1]).header("Idempotent-Replayed", "true");
        if (stored[2] != null) {
            response.entity(stored[2]).type(MediaType.APPLICATION_JSON);
        }
        if (stored[3] != null) {
            response.location(URI.create((String) stored[3]));
        }
        return response.build();
    }

    private Response toResponse(Outcome outcome) {
        Response.ResponseBuilder response = Response.status(outcome.status());
        if (outcome.body() != null) {
            response.entity(outcome.body()).type(MediaType.APPLICATION_JSON);
        }
        if (outcome.location() != null) {
            response.location(outcome.location());
        }
        return response.build();
    }

    private String write(Object body) {
        try {
            return body == null ? null : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body cannot be serialised", e);
        }
    }

    private String fingerprint(Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request == null ? List.of() : request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request cannot be fingerprinted", e);
        }
    }

}
