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

    @Test
    void aStreamMayLastAnHourAtMost() {
        assertThat(Ticks.parse("360000", "10")).isEqualTo(new Ticks.TickRequest(360_000, 10));
        assertThat(Ticks.parse("1000000", "0")).isEqualTo(new Ticks.TickRequest(1_000_000, 0));
        assertThatThrownBy(() -> Ticks.parse("360001", "10")).hasMessageContaining("count")
                .hasMessageContaining("3600000 ms");
        assertThatThrownBy(() -> Ticks.parse("1000000", "10000")).hasMessageContaining("count");
    }
}
