package org.handoff.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Realistic, varied reports: every origin sector, the six incident types, risk answers from STANDARD to
 * HIGH, adult and child survivors, injury or not, consent given or withheld per sector, services asked
 * for. Each report carries the referrals the Kazakh SOP rules (referral-service routing/kz.yaml) must
 * produce for it, so the benchmark can check referral-service made exactly those. Reports that would
 * route to no other sector are drawn again: every case is a handoff to one or two sectors (2–3
 * sectors per case counting the origin).
 */
final class ReportFactory {

    static final List<String> RISK_ITEMS = List.of("CURRENT_INJURY", "VERY_FRIGHTENED", "AFRAID_OF_FURTHER_HARM",
            "ISOLATED", "DEPRESSED_OR_SUICIDAL", "SEPARATION", "CHILD_CONTACT_CONFLICT", "STALKING_OR_HARASSMENT",
            "PREGNANCY_OR_NEW_BABY", "ABUSE_MORE_OFTEN", "ABUSE_GETTING_WORSE", "CONTROLLING_OR_JEALOUS", "WEAPON_USED",
            "THREATS_TO_KILL", "STRANGULATION", "SEXUAL_ABUSE", "THIRD_PARTY_THREAT", "HURT_OTHERS", "ANIMAL_ABUSE",
            "FINANCIAL_ISSUES", "SUBSTANCE_OR_MENTAL_HEALTH", "ABUSER_SUICIDE_THREAT", "BROKEN_BAIL_OR_ORDER",
            "CRIMINAL_HISTORY");
    private static final String[] INCIDENTS = {"RAPE", "SEXUAL_ASSAULT", "PHYSICAL_ASSAULT", "PHYSICAL_ASSAULT",
            "FORCED_MARRIAGE", "DENIAL_OF_RESOURCES", "PSYCHOLOGICAL_ABUSE", "PSYCHOLOGICAL_ABUSE"};
    private static final List<Set<String>> SERVICE_CHOICES = List.of(Set.of(), Set.of("PSYCHOSOCIAL_SUPPORT"),
            Set.of("MEDICAL_CARE"), Set.of("SHELTER", "LEGAL_AID"), Set.of("INVESTIGATION"),
            Set.of("MEDICAL_CARE", "PSYCHOSOCIAL_SUPPORT"), Set.of("PROTECTION_ORDER", "SAFETY_PLANNING"));
    private static final String[] CONTACT = {"PHONE_CALL", "SMS", "IN_PERSON", "VIA_REFERRER"};
    private static final String[] LANGUAGES = {"ru", "kk", "ky", "en"};

    /** One report to send: who sends it, the JSON body, and the sectors that must receive a referral. */
    record Report(Sector origin, byte[] body, Set<Sector> expected) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final SplittableRandom random;

    ReportFactory(long seed) {
        this.random = new SplittableRandom(seed);
    }

    synchronized Report next(long sequence) {
        Sector origin = Sector.values()[(int) (sequence % 3)];
        while (true) {
            Report report = draw(origin);
            if (!report.expected().isEmpty()) {
                return report;
            }
        }
    }

    private Report draw(Sector origin) {
        String type = INCIDENTS[random.nextInt(INCIDENTS.length)];
        boolean sexual = type.equals("RAPE") || type.equals("SEXUAL_ASSAULT");
        long hoursAgo = sexual && random.nextInt(10) < 7 ? 1 + random.nextInt(100) : 121 + random.nextInt(300);
        Instant occurredAt = Instant.now().minus(hoursAgo, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        boolean injury = random.nextInt(10) < 4;
        int age = random.nextInt(10) == 0 ? 13 + random.nextInt(5) : 19 + random.nextInt(45);
        int prior = random.nextInt(10) == 0 ? 3 + random.nextInt(3) : random.nextInt(3);
        int yes = random.nextInt(4) == 0 ? 14 + random.nextInt(8) : random.nextInt(3) == 0 ? 10 + random.nextInt(4)
                : random.nextInt(10);
        Set<String> services = SERVICE_CHOICES.get(random.nextInt(SERVICE_CHOICES.size()));
        Map<Sector, Boolean> consent = new LinkedHashMap<>();
        for (Sector sector : Sector.values()) {
            consent.put(sector, sector == origin || random.nextInt(10) < 9);
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", "KZ-ALA");
        Map<String, Object> safeContact = new LinkedHashMap<>();
        safeContact.put("method", CONTACT[random.nextInt(CONTACT.length)]);
        safeContact.put("canLeaveMessage", random.nextBoolean());
        safeContact.put("safeFrom", "09:00:00");
        safeContact.put("safeTo", "18:00:00");
        safeContact.put("timeZone", "Asia/Almaty");
        Map<String, Object> survivor = new LinkedHashMap<>();
        survivor.put("fullName", "Bench Survivor " + random.nextInt(1_000_000));
        survivor.put("phone", String.format("+7 701 %03d %04d", random.nextInt(1000), random.nextInt(10000)));
        survivor.put("ageYears", age);
        survivor.put("preferredLanguage", LANGUAGES[random.nextInt(LANGUAGES.length)]);
        survivor.put("safeContact", safeContact);
        body.put("survivor", survivor);
        Map<String, Object> incident = new LinkedHashMap<>();
        incident.put("type", type);
        incident.put("occurredAt", occurredAt.toString());
        incident.put("injuryReported", injury);
        incident.put("priorIncidentsLast12Months", prior);
        body.put("incident", incident);
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (int i = 0; i < RISK_ITEMS.size(); i++) {
            answers.put(RISK_ITEMS.get(i), i < yes);
        }
        body.put("risk", Map.of("answers", answers));
        List<Map<String, Object>> consents = new ArrayList<>();
        consent.forEach((sector, granted) -> consents.add(Map.of("sector", sector.name(),
                "dataCategories", List.of("CONTACT", "INCIDENT", "RISK_ASSESSMENT", "HEALTH"), "granted", granted)));
        body.put("consents", consents);
        body.put("servicesRequested", services);

        Set<Sector> expected = Routing.expected(origin, type, injury,
                Routing.risk(yes, prior), age < 18, services, consent);
        try {
            return new Report(origin, json.writeValueAsBytes(body), expected);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subset of kz.yaml's rules this generator exercises, applied the way SopRouter applies them. */
    static final class Routing {
        private Routing() {
        }

        static int risk(int yes, int prior) {
            int level = yes >= 14 ? 2 : yes >= 10 ? 1 : 0;
            return prior >= 3 ? Math.min(2, level + 1) : level;
        }

        static Set<Sector> expected(Sector origin, String type, boolean injury, int risk,
                                    boolean minor, Set<String> services, Map<Sector, Boolean> consent) {
            Set<Sector> routed = EnumSet.noneOf(Sector.class);
            boolean sexual = type.equals("RAPE") || type.equals("SEXUAL_ASSAULT");
            if (sexual || injury) {
                routed.add(Sector.HEALTH);
            }
            if (risk == 2) {
                routed.add(Sector.POLICE);
                routed.add(Sector.SOCIAL);
            }
            if (minor || services.contains("PSYCHOSOCIAL_SUPPORT") || services.contains("SHELTER")
                    || services.contains("SAFETY_PLANNING") || services.contains("LEGAL_AID")) {
                routed.add(Sector.SOCIAL);
            }
            if (services.contains("INVESTIGATION") || services.contains("PROTECTION_ORDER")) {
                routed.add(Sector.POLICE);
            }
            if (services.contains("MEDICAL_CARE")) {
                routed.add(Sector.HEALTH);
            }
            routed.remove(origin);
            // sent where consented; for a child survivor, social by statutory override even without consent
            routed.removeIf(sector -> !consent.get(sector) && !(minor && sector == Sector.SOCIAL));
            return routed;
        }
    }
}
