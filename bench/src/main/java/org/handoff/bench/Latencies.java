package org.handoff.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.Map;

/** A latency distribution in microseconds (HdrHistogram, 3 significant digits), reported in milliseconds. */
final class Latencies {

    private final Histogram histogram = new Histogram(3_600_000_000L, 3);

    void record(long micros) {
        histogram.recordValue(Math.max(0, Math.min(micros, histogram.getHighestTrackableValue())));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMs(double p) {
        return histogram.getValueAtPercentile(p) / 1000.0;
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("count", histogram.getTotalCount());
        if (histogram.getTotalCount() == 0) {
            return out;
        }
        out.put("p50", percentileMs(50));
        out.put("p90", percentileMs(90));
        out.put("p99", percentileMs(99));
        out.put("p999", percentileMs(99.9));
        out.put("max", histogram.getMaxValue() / 1000.0);
        out.put("mean", Math.round(histogram.getMean()) / 1000.0);
        return out;
    }
}
