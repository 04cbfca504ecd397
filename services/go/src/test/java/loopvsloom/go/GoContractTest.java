package loopvsloom.go;

import loopvsloom.contract.ContractTarget;
import org.junit.platform.suite.api.AfterSuite;
import org.junit.platform.suite.api.BeforeSuite;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The shared contract, run black-box against the go binary; its database tests are skipped with the reason below
 * (services/go/README.md and README.md's "What differs and why" say it too).
 */
@Suite
@SuiteDisplayName("contract: go")
@SelectPackages("loopvsloom.contract")
class GoContractTest {

    @BeforeSuite
    static void start() {
        ContractTarget.startProcessWithoutDatabase("go", "goroutine", GoApp.MAX_CONCURRENT_REQUESTS,
                "no /orders and /db yet: Go's standard library has no PostgreSQL client and no module proxy is reachable"
                        + " here, so it needs PostgreSQL's wire protocol with SCRAM-SHA-256 written by hand (issue 14)",
                GoApp.command());
    }

    @AfterSuite
    static void stop() throws Exception {
        ContractTarget.stop();
    }
}
