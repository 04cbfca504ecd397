package loopvsloom.loadtest.metrics;

import java.util.List;

/**
 * One server-side figure of one app over one run's window: its value (a gauge's mean, a counter's rate), its largest
 * reading, and its series over time, t in seconds from the window's start (negative in the warm-up).
 */
public record Figure(String title, String unit, double value, double max, List<double[]> series) {
}
