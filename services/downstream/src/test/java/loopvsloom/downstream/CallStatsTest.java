package loopvsloom.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallStatsTest {

    @Test
    void aCallCountsOnlyItsFirstOutcome() {
        CallStats stats = new CallStats();

        CallStats.Call call = stats.start();
        call.completed();
        call.cancelled();
        call.failed();

        assertThat(stats.snapshot()).isEqualTo(new Stats(1, 1, 0, 0, 0, 0));
    }

    @Test
    void inFlightIsStartedMinusSettled() {
        CallStats stats = new CallStats();

        stats.start();
        stats.start().failed();
        stats.start().cancelled();
        stats.tickEmitted();

        assertThat(stats.snapshot()).isEqualTo(new Stats(3, 0, 1, 1, 1, 1));
    }
}
