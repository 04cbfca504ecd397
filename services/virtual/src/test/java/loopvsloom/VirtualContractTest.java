package loopvsloom;

import loopvsloom.contract.ContractTarget;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The shared contract, run against the virtual-thread app. */
@Suite
@SuiteDisplayName("contract: virtual")
@SelectPackages("loopvsloom.contract")
class VirtualContractTest {

    @BeforeSuite
    static void start() {
        ContractTarget.startEmbedded("virtual", "virtual");
    }

    @AfterSuite
    static void stop() throws Exception {
        ContractTarget.stop();
    }
}
