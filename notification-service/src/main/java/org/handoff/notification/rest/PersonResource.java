package org.handoff.notification.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.handoff.notification.Person;
import org.handoff.notification.repository.PersonRepository;
import org.handoff.notification.repository.RosterRepository;
import org.handoff.notification.service.Templates;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The people notifications go to: their agency, how to reach them, and their language. Admins manage them.
 * Contact details are personal data, so every read and change goes into the audit chain in its transaction.
 */
@Path("/api/v1/people")
@Tag(name = "People")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PersonResource {

    private final PersonRepository people;
    private final RosterRepository rosters;
    private final Templates templates;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;

    public PersonResource(PersonRepository people, RosterRepository rosters, Templates templates, AuditLog audit,
                          Caller caller, Clock clock) {
        this.people = people;
        this.rosters = rosters;
        this.templates = templates;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * @param language ISO 639-1: en, ru, kk, ky, tg, uz; a language without templates yet is served in the fallback
     * @param phone    international form (+996…), for SMS
     */
    public record PersonRequest(@NotBlank @Size(max = 200) String agency,
                                @NotBlank @Size(max = 200) String displayName,
                                @Email @Size(max = 320) String email,
                                @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an international number such as +996555123456") String phone,
                                @NotNull @Pattern(regexp = "en|ru|kk|ky|tg|uz", message = "must be one of en, ru, kk, ky, tg, uz") String language) {
    }

    /** @param servedLanguage the language notifications are rendered in today */
    public record PersonView(String userId, String agency, String displayName, String email, String phone,
                             String language, String servedLanguage, Instant updatedAt) {
    }

    @PUT
    @Path("/{userId}")
    @WithTransaction
    @Operation(summary = "Create or replace a person who can be notified")
    public Uni<Response> put(@PathParam("userId") @NotBlank @Size(max = 200) String userId, @Valid @NotNull PersonRequest request) {
        return people.findById(userId).chain(existing -> {
            Person p = existing != null ? existing : new Person();
            p.userId = userId;
            p.agency = request.agency();
            p.displayName = request.displayName();
            p.email = request.email();
            p.phone = request.phone();
            p.language = request.language();
            p.updatedAt = Instant.now(clock);
            Response.Status status = existing == null ? Response.Status.CREATED : Response.Status.OK;
            return p.<Person>persist()
                    .call(saved -> audit.record(caller.who(), existing == null ? "person.create" : "person.update",
                            "person", userId, "agency " + saved.agency))
                    .map(saved -> Response.status(status).entity(view(saved)).build());
        });
    }

    @GET
    @Path("/{userId}")
    @WithTransaction
    @Operation(summary = "One person")
    public Uni<PersonView> get(@PathParam("userId") String userId) {
        return people.findById(userId).chain(p -> {
            if (p == null) {
                throw ProblemException.notFound("person " + userId);
            }
            return audit.record(caller.who(), "person.read", "person", userId, null).replaceWith(view(p));
        });
    }

    @GET
    @WithTransaction
    @Operation(summary = "The people of one agency")
    public Uni<List<PersonView>> list(@QueryParam("agency") @NotBlank String agency) {
        return people.byAgency(agency)
                .call(found -> audit.record(caller.who(), "person.list", "people", "agency " + agency,
                        "returned " + found.size()))
                .map(list -> list.stream().map(this::view).toList());
    }

    @DELETE
    @Path("/{userId}")
    @WithTransaction
    @Operation(summary = "Remove a person who is on no roster any more")
    public Uni<Response> delete(@PathParam("userId") String userId) {
        return rosters.shiftsOf(userId).chain(shifts -> {
            if (shifts > 0) {
                throw ProblemException.conflict(userId + " still has " + shifts + " shift(s) on a roster");
            }
            return people.deleteById(userId).chain(deleted -> {
                if (!deleted) {
                    throw ProblemException.notFound("person " + userId);
                }
                return audit.record(caller.who(), "person.delete", "person", userId, null)
                        .replaceWith(Response.noContent().build());
            });
        });
    }

    private PersonView view(Person p) {
        return new PersonView(p.userId, p.agency, p.displayName, p.email, p.phone, p.language,
                templates.languageFor(p.language), p.updatedAt);
    }
}
