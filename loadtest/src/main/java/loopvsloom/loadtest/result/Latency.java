package loopvsloom.loadtest.result;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution as results.json keeps it: headline percentiles in milliseconds for people, and the whole
 * HdrHistogram (compressed, base64) so that runs and harness processes merge exactly — histograms are added, never
 * percentiles averaged.
 */
public record Latency(long count, double p50, double p90, double p99, double p999, double max, double mean,
                      String hdr) {

    public static Latency of(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        String encoded = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
        if (h.getTotalCount() == 0) {
            return new Latency(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, encoded);
        }
        return new Latency(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                Math.round(h.getMean()) / 1000.0, encoded);
    }

    /** The histogram back, in microseconds. */
    public Histogram histogram() {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(hdr)), 0);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("a latency histogram in results.json is damaged", e);
        }
    }

    /** The distribution of all of them together. */
    public static Latency merge(List<Latency> parts) {
        Histogram sum = new Histogram(1, 3_600_000_000L, 3);
        for (Latency part : parts) {
            sum.add(part.histogram());
        }
        return of(sum);
    }

    /** Latency in ms at each percentile, for the report's percentile plot. */
    public double[] at(double[] percentiles) {
        Histogram h = histogram();
        double[] out = new double[percentiles.length];
        for (int i = 0; i < percentiles.length; i++) {
            out[i] = h.getTotalCount() == 0 ? Double.NaN : ms(h.getValueAtPercentile(percentiles[i]));
        }
        return out;
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
