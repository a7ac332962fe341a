package org.handoff.notification.rest;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.handoff.notification.Roster;
import org.handoff.notification.Shift;
import org.handoff.notification.config.NotificationConfig;
import org.handoff.notification.repository.PersonRepository;
import org.handoff.notification.repository.RosterRepository;
import org.handoff.notification.service.RosterService;
import org.handoff.plumbing.audit.AuditLog;
import org.handoff.plumbing.problem.Problem;
import org.handoff.plumbing.problem.ProblemException;
import org.handoff.plumbing.security.Caller;
import org.handoff.plumbing.security.Roles;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * On-call rosters, one per agency: weekly shifts per level of the chain (1 duty officer, 2 supervisor,
 * 3 coordinator), written in the roster's own time zone, and the agency system's webhook. They name people
 * and when they work, so every read and change (on-duty lookups too) goes into the audit chain.
 */
@Path("/api/v1/rosters")
@Tag(name = "Rosters")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

    /** The zones of the region this service is set up for; any valid IANA zone is accepted. */
    public static final List<String> REGION_ZONES = List.of("Asia/Almaty", "Asia/Bishkek", "Asia/Dushanbe",
            "Asia/Tashkent", "Asia/Ashgabat", "Asia/Kabul");

    private final RosterRepository rosters;
    private final PersonRepository people;
    private final RosterService duty;
    private final NotificationConfig config;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;

    public RosterResource(RosterRepository rosters, PersonRepository people, RosterService duty,
                          NotificationConfig config, AuditLog audit, Caller caller, Clock clock) {
        this.rosters = rosters;
        this.people = people;
        this.duty = duty;
        this.config = config;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * @param timeZone IANA zone the shift times are written in, e.g. Asia/Bishkek
     * @param webhook  the agency system that gets every notification of this agency, signed
     */
    public record RosterRequest(@NotBlank @Size(max = 200) String region,
                                @NotBlank @Size(max = 64) String timeZone,
                                @Valid Webhook webhook,
                                @NotNull @Size(max = 500) List<@Valid @NotNull ShiftRequest> shifts) {
    }

    /** @param secret shared with the agency system for HMAC-SHA256 signatures; never shown again */
    public record Webhook(@NotBlank @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") @Size(max = 2000) String url,
                          @NotBlank @Size(min = 16, max = 200) String secret) {
    }

    /**
     * @param days  the days the shift starts on
     * @param start local start time
     * @param end   local end time; at or before {@code start}, the shift ends the next day (equal: 24 hours)
     */
    public record ShiftRequest(@NotNull @Min(1) @Max(9) Integer level, @NotBlank String userId,
                               @NotEmpty Set<DayOfWeek> days, @NotNull LocalTime start, @NotNull LocalTime end) {
    }

    public record ShiftView(int level, String role, String userId, Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    }

    public record RosterView(String agency, String region, String timeZone, String webhookUrl, boolean webhookSecretSet,
                             List<ShiftView> shifts, Instant updatedAt) {
    }

    public record PersonOnDuty(String userId, String displayName, String language) {
    }

    public record LevelOnDuty(int level, String role, List<PersonOnDuty> people) {
    }

    public record OnDutyView(String agency, String timeZone, Instant at, List<LevelOnDuty> levels) {
    }

    @PUT
    @Path("/{agency}")
    @RolesAllowed(Roles.ADMIN)
    @WithTransaction
    @Operation(summary = "Create or replace an agency's roster (all its shifts at once)")
    public Uni<Response> put(@PathParam("agency") @NotBlank @Size(max = 200) String agency,
                             @Valid @NotNull RosterRequest request) {
        List<Problem.Violation> violations = new ArrayList<>();
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            violations.add(new Problem.Violation("timeZone", "not a time zone id; the region's are " + REGION_ZONES));
        }
        for (int i = 0; i < request.shifts().size(); i++) {
            if (request.shifts().get(i).level() > config.escalation().maxLevel()) {
                violations.add(new Problem.Violation("shifts[" + i + "].level",
                        "must be at most " + config.escalation().maxLevel()));
            }
        }
        Set<String> userIds = new TreeSet<>();
        request.shifts().forEach(s -> userIds.add(s.userId()));
        return people.byIds(userIds).chain(found -> {
            Set<String> unknown = new TreeSet<>(userIds);
            found.forEach(p -> unknown.remove(p.userId));
            if (!unknown.isEmpty()) {
                violations.add(new Problem.Violation("shifts", "unknown people " + unknown + ": create them under /api/v1/people first"));
            }
            if (!violations.isEmpty()) {
                throw new ValidationProblem(violations);
            }
            return rosters.findById(agency);
        }).chain(existing -> {
            Roster r = existing != null ? existing : new Roster();
            r.agency = agency;
            r.region = request.region();
            r.timeZone = ZoneId.of(request.timeZone()).getId();
            r.webhookUrl = request.webhook() == null ? null : request.webhook().url();
            r.webhookSecret = request.webhook() == null ? null : request.webhook().secret();
            r.updatedAt = Instant.now(clock);
            Response.Status status = existing == null ? Response.Status.CREATED : Response.Status.OK;
            return r.<Roster>persist()
                    .call(() -> rosters.deleteShifts(agency))
                    .call(() -> Multi.createFrom().iterable(request.shifts())
                            .onItem().transformToUniAndConcatenate(s -> shift(agency, s).persist())
                            .collect().asList())
                    .call(() -> audit.record(caller.who(), existing == null ? "roster.create" : "roster.update",
                            "roster", agency, request.shifts().size() + " shift(s)"
                                    + (request.webhook() == null ? "" : ", webhook " + request.webhook().url())))
                    .chain(saved -> view(saved))
                    .map(view -> Response.status(status).entity(view).build());
        });
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @WithTransaction
    @Operation(summary = "Rosters, by region")
    public Uni<Page<RosterView>> list(@QueryParam("region") String region, @QueryParam("page") Integer page,
                                      @QueryParam("size") Integer size) {
        int p = Page.page(page);
        int s = Page.size(size);
        return rosters.page(region, p, s).chain(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(this::view).collect().asList())
                .chain(views -> rosters.countRegion(region).map(total -> new Page<>(views, p, s, total)))
                .call(found -> audit.record(caller.who(), "roster.list", "rosters",
                        (region == null ? "all regions" : "region " + region) + " page " + p,
                        "returned " + found.items().size()));
    }

    @GET
    @Path("/{agency}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.DUTY_OFFICER})
    @WithTransaction
    @Operation(summary = "One agency's roster")
    public Uni<RosterView> get(@PathParam("agency") String agency) {
        return visible(agency).chain(this::view)
                .call(() -> audit.record(caller.who(), "roster.read", "roster", agency, null));
    }

    @GET
    @Path("/{agency}/on-duty")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.DUTY_OFFICER, Roles.CASE_MANAGER})
    @WithTransaction
    @Operation(summary = "Who is on duty at each level now, or at a given instant")
    public Uni<OnDutyView> onDuty(@PathParam("agency") String agency, @QueryParam("at") String at) {
        Instant when;
        try {
            when = at == null ? Instant.now(clock) : Instant.parse(at);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("at must be an ISO-8601 instant such as 2026-03-02T08:40:00Z");
        }
        boolean anyAgency = caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.CASE_MANAGER);
        Uni<Roster> roster = anyAgency ? found(agency) : visible(agency);
        return roster.chain(r -> duty.chain(r, when).map(chain -> new OnDutyView(r.agency, r.timeZone, when,
                chain.stream().map(level -> new LevelOnDuty(level.level(), level.role(), level.people().stream()
                        .map((Person p) -> new PersonOnDuty(p.userId, p.displayName, p.language)).toList())).toList())))
                .call(() -> audit.record(caller.who(), "roster.on-duty.read", "roster", agency, "at " + when));
    }

    @DELETE
    @Path("/{agency}")
    @RolesAllowed(Roles.ADMIN)
    @WithTransaction
    @Operation(summary = "Remove an agency's roster and its shifts")
    public Uni<Response> delete(@PathParam("agency") String agency) {
        return found(agency).call(r -> rosters.deleteShifts(agency)).call(r -> r.delete())
                .call(() -> audit.record(caller.who(), "roster.delete", "roster", agency, null))
                .map(r -> Response.noContent().build());
    }

    /**
     * An admin or supervisor sees every roster; a duty officer only their own agency's. Another agency's is
     * refused (403), not hidden (404): "no roster" would tell a duty officer nobody is on call there.
     */
    private Uni<Roster> visible(String agency) {
        boolean own = caller.agency().map(agency::equals).orElse(false);
        if (!own && !caller.hasRole(Roles.ADMIN) && !caller.hasRole(Roles.SUPERVISOR)) {
            return Uni.createFrom().failure(new ProblemException(403, "not-your-agency", "Forbidden",
                    "only " + agency + "'s own duty officers, supervisors and admins see its roster"));
        }
        return found(agency);
    }

    private Uni<Roster> found(String agency) {
        return rosters.findById(agency).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("roster of " + agency);
            }
            return r;
        });
    }

    private Uni<RosterView> view(Roster r) {
        return rosters.shifts(r.agency).map(shifts -> new RosterView(r.agency, r.region, r.timeZone, r.webhookUrl,
                r.webhookSecret != null, shifts.stream().map(s -> new ShiftView(s.level, RosterService.roleOf(s.level),
                s.userId, s.dayset(), s.startsAt, s.endsAt)).toList(), r.updatedAt));
    }

    private static Shift shift(String agency, ShiftRequest request) {
        Shift s = new Shift();
        s.id = UUID.randomUUID();
        s.agency = agency;
        s.level = request.level();
        s.userId = request.userId();
        s.days = Shift.days(request.days());
        s.startsAt = request.start();
        s.endsAt = request.end();
        return s;
    }
}
