package loopvsloom.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import loopvsloom.params.InvalidParameterException;
import org.junit.jupiter.api.Test;

class BackendSettingsTest {

    @Test
    void headersOverrideTheConfiguredValuesAndBlankHeadersFallBackToThem() {
        BackendSettings settings = new BackendSettings("40", "5", "0.25");

        assertThat(settings.latencyMs(null)).isEqualTo(40);
        assertThat(settings.latencyMs(" ")).isEqualTo(40);
        assertThat(settings.latencyMs("0")).isZero();
        assertThat(settings.failureRate(null)).isEqualTo(0.25);
        assertThat(settings.failureRate("1")).isEqualTo(1.0);
        assertThat(settings.jitterMs()).isEqualTo(5);
    }

    @Test
    void aBadSettingStopsStartupNamingTheSetting() {
        assertThatThrownBy(() -> new BackendSettings("-1", "0", "0"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("downstream.latency-ms"));
        assertThatThrownBy(() -> new BackendSettings("0", "lots", "0"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("downstream.jitter-ms"));
        assertThatThrownBy(() -> new BackendSettings("0", "0", "1.5"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("downstream.failure-rate"));
    }

    @Test
    void aBadHeaderIsTheCallersErrorNamingTheHeader() {
        BackendSettings settings = new BackendSettings("0", "0", "0");

        assertThatThrownBy(() -> settings.latencyMs("30001"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("X-Latency-Ms"));
        assertThatThrownBy(() -> settings.failureRate("-0.1"))
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("X-Failure-Rate"));
    }
}
