package loopvsloom.node;

import loopvsloom.contract.ContractTarget;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The shared contract, run black-box against the node app. */
@Suite
@SuiteDisplayName("contract: node")
@SelectPackages("loopvsloom.contract")
class NodeContractTest {

    @BeforeSuite
    static void start() {
        ContractTarget.startProcess("node", "event-loop", NodeApp.MAX_CONCURRENT_REQUESTS, NodeApp.command());
    }

    @AfterSuite
    static void stop() throws Exception {
        ContractTarget.stop();
    }
}
