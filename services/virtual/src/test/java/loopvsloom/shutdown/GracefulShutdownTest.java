package loopvsloom.shutdown;

import loopvsloom.contract.GracefulShutdownCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared SIGTERM-during-load check, against this module's app in each of its modes. */
class GracefulShutdownTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "platform"})
    void sigtermLetsEveryAcceptedRequestFinishAndReadinessGoesDownFirst(String environment) throws Exception {
        GracefulShutdownCheck.sigtermLetsEveryAcceptedRequestFinish(environment);
    }
}
