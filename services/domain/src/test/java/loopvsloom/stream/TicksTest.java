package loopvsloom.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void ticksAreDeterministicPerSeqAndPositive() {
        for (int seq = 1; seq < 1000; seq++) {
            assertThat(Ticks.tick(seq, 5).priceCents()).isPositive().isEqualTo(Ticks.tick(seq, 7).priceCents());
        }
    }

    @Test
    void defaultsAndCaps() {
        assertThat(Ticks.parse(null, null)).isEqualTo(new Ticks.TickRequest(10, 100));
        assertThatThrownBy(() -> Ticks.parse("1000001", "1")).hasMessageContaining("count");
        assertThatThrownBy(() -> Ticks.parse("1", "-5")).hasMessageContaining("intervalMs");
    }
}
