package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import loopvsloom.cpu.CpuWork;
import loopvsloom.geofence.ZoneSet;
import org.junit.jupiter.api.Test;

/** /io and /cpu, the two knobs experiments are built from, and the X-Served-By header on every answer. */
class KnobsContractTest {

    private final ContractTarget target = ContractTarget.current();
    private final URI base = target.baseUrl();

    @Test
    void ioWaitsForOneDownstreamCallOfTheGivenLatency() {
        Http.get(base, "/io?ms=0");
        Http.Answer answer = Http.fastestOf(3, base, "/io?ms=300");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.millis()).isBetween(300L, 900L);
        assertThat(answer.json().has("available")).isTrue();
    }

    @Test
    void blankKnobHeadersCountAsAbsent() {
        // Forwarded as absent, so downstream applies its configured default (0 ms, no failures here).
        Http.Answer answer = Http.get(base, "/quote?sku=A&qty=1", "X-Latency-Ms", "", "X-Failure-Rate", " ");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(Http.get(base, "/io?ms=0", "X-Failure-Rate", "").status()).isEqualTo(200);
    }

    @Test
    void cpuDoesTheRequestedNumberOfLookups() {
        Http.Answer answer = Http.get(base, "/cpu?work=25");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("work").asInt()).isEqualTo(25);
        assertThat(answer.json().get("hits").asInt()).isEqualTo(CpuWork.run(ZoneSet.city(ZoneSet.DEFAULT_VERTICES), 25).hits());
    }

    @Test
    void everyAnswerNamesItsStyleAndThread() {
        for (String path : new String[] {"/io?ms=0", "/cpu?work=1", "/geofence?lat=52.5&lon=13.4",
            "/quote?sku=A&qty=1", "/stream?count=1&intervalMs=0"}) {
            Http.Answer answer = Http.get(base, path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.servedBy()).as(path).isEqualTo(target.style() + "; thread=" + target.thread());
        }
    }
}
