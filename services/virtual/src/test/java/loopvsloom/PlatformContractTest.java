package loopvsloom;

import loopvsloom.contract.ContractTarget;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The shared contract, run against the same code in platform mode: the fixed pool of platform threads. */
@Suite
@SuiteDisplayName("contract: platform")
@SelectPackages("loopvsloom.contract")
class PlatformContractTest {

    @BeforeSuite
    static void start() {
        ContractTarget.startEmbedded("platform", "platform", "platform");
    }

    @AfterSuite
    static void stop() throws Exception {
        ContractTarget.stop();
    }
}
