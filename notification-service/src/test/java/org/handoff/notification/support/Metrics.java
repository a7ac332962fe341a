package org.handoff.notification.support;

import static io.restassured.RestAssured.given;

/** Reads {@code /q/metrics} as an operator's Prometheus scraper does. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The sum of the series of {@code name} whose labels include every {@code label, value} pair given;
     * 0 when there is none yet (a counter that never moved may not be exported).
     */
    public static double value(String name, String... labelsAndValues) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (!(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int end = line.lastIndexOf('}');
            String labels = end < 0 ? "" : line.substring(name.length(), end + 1);
            boolean matches = true;
            for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
                String label = labelsAndValues[i] + "=\"" + labelsAndValues[i + 1] + "\"";
                matches &= labels.contains("{" + label) || labels.contains("," + label);
            }
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
