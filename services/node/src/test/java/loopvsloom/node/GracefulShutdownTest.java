package loopvsloom.node;

import java.util.Map;
import loopvsloom.contract.GracefulShutdownCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared SIGTERM-during-load check, against node with CPU work on its loop and on worker threads. */
class GracefulShutdownTest {

    @ParameterizedTest(name = "CPU_WORKERS={0}")
    @ValueSource(strings = {"0", "2"})
    void sigtermLetsEveryAcceptedRequestFinishAndReadinessGoesDownFirst(String cpuWorkers) throws Exception {
        GracefulShutdownCheck.sigtermLetsEveryAcceptedRequestFinish("CPU_WORKERS=" + cpuWorkers,
                NodeApp.command(Map.of("CPU_WORKERS", cpuWorkers)));
    }
}
