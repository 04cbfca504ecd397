package loopvsloom.go;

import loopvsloom.contract.GracefulShutdownCheck;
import org.junit.jupiter.api.Test;

/** The shared SIGTERM-during-load check, against the go binary. */
class GracefulShutdownTest {

    @Test
    void sigtermLetsEveryAcceptedRequestFinishAndReadinessGoesDownFirst() throws Exception {
        GracefulShutdownCheck.sigtermLetsEveryAcceptedRequestFinish("go", GoApp.command());
    }
}
