package loopvsloom.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String PAGE = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{app="virtual",area="heap",id="G1 Eden Space"} 1.6777216E7
            jvm_memory_used_bytes{app="virtual",area="heap",id="G1 Old Gen"} 9455352.0
            jvm_memory_used_bytes{app="virtual",area="nonheap",id="CodeHeap 'non-nmethods'"} 1767040.0
            eventloop_lag_seconds_bucket{app="reactive",loop="0",le="+Inf"} 321
            weird_label{path="a \\"quoted\\" \\\\ value, with comma"} 3 1700000000000
            process_cpu_time_ns_total 3.0E9
            not a sample line
            """;

    @Test
    void readsNamesLabelsAndValuesAndSkipsWhatItCannotRead() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(PAGE);

        assertThat(samples).hasSize(6);
        assertThat(samples.getFirst().labels()).containsEntry("id", "G1 Eden Space").containsEntry("area", "heap");
        assertThat(samples.get(2).labels()).containsEntry("id", "CodeHeap 'non-nmethods'");
        assertThat(samples.get(3).labels()).containsEntry("le", "+Inf");
        assertThat(samples.get(4).labels()).containsEntry("path", "a \"quoted\" \\ value, with comma");
        assertThat(samples.get(4).value()).isEqualTo(3);
        assertThat(samples.get(5)).isEqualTo(new PrometheusText.Sample("process_cpu_time_ns_total", Map.of(), 3e9));
    }

    @Test
    void aSelectorSumsTheSeriesItMatchesAndIsNullWhenNoneDo() {
        List<PrometheusText.Sample> samples = PrometheusText.parse(PAGE);

        assertThat(Selector.parse("jvm_memory_used_bytes{area=\"heap\"}").evaluate(samples, false))
                .isEqualTo(1.6777216E7 + 9455352.0);
        assertThat(Selector.parse("jvm_memory_used_bytes{area=\"heap\"}").evaluate(samples, true))
                .isEqualTo(1.6777216E7);
        assertThat(Selector.parse("jvm_threads_virtual_live_threads{scheduling_status=\"queued\"}")
                .evaluate(samples, false)).isNull();
    }

    @Test
    void aMistypedSelectorIsAnError() {
        assertThatThrownBy(() -> Selector.parse("jvm_memory_used_bytes{area=heap}")).hasMessageContaining("labels");
        assertThatThrownBy(() -> Selector.parse("9lives")).hasMessageContaining("selector");
    }
}
