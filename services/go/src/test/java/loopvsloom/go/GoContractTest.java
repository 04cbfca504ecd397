package loopvsloom.go;

import loopvsloom.contract.ContractTarget;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The shared contract, run black-box against the go binary, on a real downstream and a real PostgreSQL. */
@Suite
@SuiteDisplayName("contract: go")
@SelectPackages("loopvsloom.contract")
class GoContractTest {

    @BeforeSuite
    static void start() {
        ContractTarget.startProcess("go", "goroutine", GoApp.MAX_CONCURRENT_REQUESTS, GoApp.command());
    }

    @AfterSuite
    static void stop() throws Exception {
        ContractTarget.stop();
    }
}
