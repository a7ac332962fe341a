package org.handoff.bench;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Figures of one set of reports, from what the driver saw and what the databases hold. */
final class StepFigures {

    final Latencies accepted = new Latencies();
    final Latencies allReceived = new Latencies();
    final Latencies firstFeedback = new Latencies();
    final Latencies closedLoop = new Latencies();
    final Map<String, Integer> errors = new TreeMap<>();
    int sent;
    int acceptedCount;
    int complete;
    long referralsReceived;
    /** Referral rows referral-service holds for the accepted reports' cases (expected, duplicated and unexpected alike). */
    long referralsMade;
    /** Cases whose origin sector has not seen (closed-loop consumer) every referral RECEIVED on its lifecycle topic. */
    int closedLoopIncomplete;
    long lastReceivedMicros;
    final Map<String, Integer> accounting = new LinkedHashMap<>();

    static StepFigures of(List<SentReport> reports, Map<UUID, FlowReader.CaseFlow> flows) {
        StepFigures f = new StepFigures();
        for (String key : List.of("casesMissing", "referralsMissing", "referralsNotReceived", "referralsDuplicated",
                "referralsUnexpected", "feedbackMissing")) {
            f.accounting.put(key, 0);
        }
        for (SentReport report : reports) {
            f.sent++;
            if (!report.accepted()) {
                f.errors.merge(report.error == null ? "no answer" : report.error, 1, Integer::sum);
                continue;
            }
            f.acceptedCount++;
            f.accepted.record(report.answeredMicros - report.intendedMicros);
            FlowReader.CaseFlow flow = flows.get(report.caseId);
            if (flow == null || !flow.caseFound) {
                f.count("casesMissing", 1);
                continue;
            }
            Set<Sector> present = flow.referralsBySector.isEmpty() ? EnumSet.noneOf(Sector.class)
                    : EnumSet.copyOf(flow.referralsBySector.keySet());
            int missing = 0;
            for (Sector sector : report.expected) {
                if (!present.contains(sector)) {
                    missing++;
                }
            }
            f.count("referralsMissing", missing);
            int rows = flow.referralsBySector.values().stream().mapToInt(Integer::intValue).sum();
            f.count("referralsDuplicated", rows - present.size());
            present.removeAll(report.expected);
            f.count("referralsUnexpected", present.size());
            f.count("referralsNotReceived", rows - flow.received);
            f.referralsReceived += flow.received;
            f.referralsMade += rows;
            if (rows > 0 && flow.originReceivedSeen < rows) {
                f.closedLoopIncomplete++;
            }
            if (missing == 0 && flow.received == rows && rows > 0) {
                f.complete++;
                f.allReceived.record(flow.lastReceivedMicros - report.intendedMicros);
                f.lastReceivedMicros = Math.max(f.lastReceivedMicros, flow.lastReceivedMicros);
            }
            if (flow.firstFeedbackMicros > 0) {
                f.firstFeedback.record(flow.firstFeedbackMicros - report.intendedMicros);
            } else {
                f.count("feedbackMissing", 1);
            }
            if (rows > 0 && flow.originReceivedSeen >= rows) {
                f.closedLoop.record(flow.originAllReceivedMicros - report.intendedMicros);
            }
        }
        return f;
    }

    private void count(String key, int n) {
        accounting.merge(key, n, Integer::sum);
    }

    /** Reports or referrals that never made it: accepted but no case, or an expected referral absent or not received. */
    int lost() {
        return accounting.get("casesMissing") + accounting.get("referralsMissing") + accounting.get("referralsNotReceived");
    }

    int duplicated() {
        return accounting.get("referralsDuplicated");
    }

    double errorRate() {
        return sent == 0 ? 0 : (double) (sent - acceptedCount) / sent;
    }
}
