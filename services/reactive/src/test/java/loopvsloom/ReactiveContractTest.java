package loopvsloom;

import loopvsloom.contract.ContractTarget;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The shared contract, run against the reactive app (with BlockHound watching every event loop). */
@Suite
@SuiteDisplayName("contract: reactive")
@SelectPackages("loopvsloom.contract")
class ReactiveContractTest {

    @BeforeSuite
    static void start() {
        ContractTarget.startEmbedded("reactive", "event-loop");
    }

    @AfterSuite
    static void stop() throws Exception {
        ContractTarget.stop();
    }
}
