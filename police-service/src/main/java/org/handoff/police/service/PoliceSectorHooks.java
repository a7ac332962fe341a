package org.handoff.police.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.handoff.events.CaseReported;
import org.handoff.events.PoliceView;
import org.handoff.events.ReferralRequested;
import org.handoff.events.ReferralState;
import org.handoff.events.RiskLevel;
import org.handoff.events.ServiceType;
import org.handoff.inbox.InboxReferral;
import org.handoff.inbox.SurvivorReport;
import org.handoff.inbox.service.InboxListener;
import org.handoff.inbox.service.IntakeListener;
import org.handoff.police.ProtectionOrder;

/**
 * Where police work starts from the shared intake and inbox: a HIGH-risk report taken here, or a
 * referral asking for protection, makes a protection order due (24 h by default).
 */
@ApplicationScoped
public class PoliceSectorHooks implements IntakeListener, InboxListener {

    private final ProtectionOrderService orders;

    public PoliceSectorHooks(ProtectionOrderService orders) {
        this.orders = orders;
    }

    @Override
    public Uni<Void> reported(SurvivorReport report, CaseReported event, RiskLevel riskLevel) {
        if (riskLevel != RiskLevel.HIGH) {
            return Uni.createFrom().voidItem();
        }
        return orders.due(report.caseId, report.agency, ProtectionOrder.Source.REPORT, report.id,
                report.reportedAt.plus(orders.dueWithin()));
    }

    @Override
    public Uni<Void> received(InboxReferral referral, ReferralRequested request) {
        PoliceView view = request.police();
        boolean asked = view.servicesRequested().contains(ServiceType.PROTECTION_ORDER)
                || view.protectionOrderDue() != null || view.riskLevel() == RiskLevel.HIGH;
        if (!asked) {
            return Uni.createFrom().voidItem();
        }
        return orders.due(referral.caseId, referral.agency, ProtectionOrder.Source.REFERRAL, referral.referralId,
                view.protectionOrderDue() != null ? view.protectionOrderDue()
                        : referral.receivedAt.plus(orders.dueWithin()));
    }

    @Override
    public Uni<Void> moved(InboxReferral referral, ReferralState from) {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> restricted(InboxReferral referral) {
        return orders.cancelFor(referral.referralId);
    }
}
