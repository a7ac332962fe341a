package org.handoff.health.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.ClinicalWindow;
import org.handoff.events.ClinicalWindowKind;
import org.handoff.events.HealthView;
import org.handoff.events.ReferralRequested;
import org.handoff.health.config.HealthConfig;
import org.handoff.inbox.InboxReferral;
import org.handoff.inbox.service.InboxDetails;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The time left in the clinical windows after a sexual assault, counted from the incident: PEP,
 * emergency contraception and forensic evidence by type. Shown on every health inbox entry, so the
 * clinician sees at a glance what can still be done.
 */
@ApplicationScoped
public class ClinicalWindows implements InboxDetails {

    private final HealthConfig config;

    public ClinicalWindows(HealthConfig config) {
        this.config = config;
    }

    /**
     * @param evidence forensic evidence type, only for FORENSIC_EXAMINATION
     * @param open     whether the window is still open now
     */
    public record Window(ClinicalWindowKind kind, String evidence, Instant closesAt, long minutesLeft, boolean open) {
    }

    public List<Window> windows(HealthView view, Instant now) {
        if (!view.incidentType().isSexualViolence() && view.clinicalWindows().isEmpty()) {
            return List.of();
        }
        Instant incident = view.incidentAt();
        List<Window> windows = new ArrayList<>();
        windows.add(window(ClinicalWindowKind.POST_EXPOSURE_PROPHYLAXIS, null,
                given(view, ClinicalWindowKind.POST_EXPOSURE_PROPHYLAXIS,
                        incident.plus(config.windows().postExposureProphylaxis())), now));
        windows.add(window(ClinicalWindowKind.EMERGENCY_CONTRACEPTION, null,
                given(view, ClinicalWindowKind.EMERGENCY_CONTRACEPTION,
                        incident.plus(config.windows().emergencyContraception())), now));
        config.windows().forensic().forEach((evidence, within) ->
                windows.add(window(ClinicalWindowKind.FORENSIC_EXAMINATION, evidence, incident.plus(within), now)));
        windows.sort(Comparator.comparing(Window::closesAt));
        return windows;
    }

    @Override
    public Map<String, Object> details(InboxReferral referral, ReferralRequested request, Instant now) {
        List<Window> windows = windows(request.health(), now);
        return windows.isEmpty() ? Map.of() : Map.of("clinicalWindows", windows);
    }

    /** referral-service's routing may have computed a window already; it is the one the deadlines used. */
    private static Instant given(HealthView view, ClinicalWindowKind kind, Instant computed) {
        return view.clinicalWindows().stream().filter(w -> w.kind() == kind).map(ClinicalWindow::closesAt)
                .findFirst().orElse(computed);
    }

    private static Window window(ClinicalWindowKind kind, String evidence, Instant closesAt, Instant now) {
        long left = Duration.between(now, closesAt).toMinutes();
        return new Window(kind, evidence, closesAt, Math.max(left, 0), closesAt.isAfter(now));
    }
}
