package loopvsloom.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import loopvsloom.geofence.ZoneSet;
import org.junit.jupiter.api.Test;

class CpuWorkTest {

    private final ZoneSet zones = ZoneSet.city(ZoneSet.DEFAULT_VERTICES);

    @Test
    void slicedWorkAnswersAsWholeWorkAndStopsBetweenEverySlice() {
        AtomicInteger stops = new AtomicInteger();

        CpuWork.CpuAnswer sliced = CpuWork.run(zones, 1_000, 30, stops::incrementAndGet);

        assertThat(sliced).isEqualTo(CpuWork.run(zones, 1_000));
        assertThat(stops).hasValue(999 / 30);
    }

    @Test
    void aSliceOfNothingIsRefused() {
        assertThatThrownBy(() -> CpuWork.run(zones, 10, 0, () -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
