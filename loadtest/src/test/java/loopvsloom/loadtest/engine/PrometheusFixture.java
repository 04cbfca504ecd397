package loopvsloom.loadtest.engine;

/** A tiny /prometheus page whose values the tests can predict: a CPU counter that grows with the requests served. */
final class PrometheusFixture {

    private PrometheusFixture() {
    }

    static String exposition(long requests) {
        return """
                # HELP process_cpu_time_ns_total The "cpu time" used by the Java Virtual Machine process
                # TYPE process_cpu_time_ns_total counter
                process_cpu_time_ns_total{app="fixture",style="fixture"} %d
                jvm_memory_used_bytes{app="fixture",area="heap",id="G1 Eden Space"} 1.0E7
                jvm_memory_used_bytes{app="fixture",area="heap",id="G1 Old Gen"} 2.0E7
                jvm_memory_used_bytes{app="fixture",area="nonheap",id="Metaspace"} 3.0E7
                jvm_threads_live_threads{app="fixture"} 12.0
                """.formatted(requests * 100_000L);
    }
}
