package loopvsloom.loadtest.lab;

import java.util.List;
import java.util.Map;

/** How a lab run came out: each claim's outcome, the steps that could not be measured, and how long it took. */
public record LabReport(Lab lab, LabPlan.Mode mode, boolean solutions, List<Expectation.Outcome> outcomes,
                        Map<String, String> failures, double seconds) {

    /** Every claim held (nothing failed to be measured, since an unmeasured value holds no bound). */
    public boolean passed() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(Expectation.Outcome::holds);
    }

    public long held() {
        return outcomes.stream().filter(Expectation.Outcome::holds).count();
    }
}
