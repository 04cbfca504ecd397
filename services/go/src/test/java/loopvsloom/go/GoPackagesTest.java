package loopvsloom.go;

import static org.assertj.core.api.Assertions.assertThat;

import loopvsloom.database.TestDatabase;
import loopvsloom.testkit.Command;
import org.junit.jupiter.api.Test;

/**
 * Go's own checks of services/go: go vet, and go test (the domain port against services/domain's test-vectors.json,
 * the query decoding, the metrics format, the PostgreSQL client against the suites' own PostgreSQL), so ./mvnw verify
 * runs them too.
 */
class GoPackagesTest {

    @Test
    void goVetFindsNothing() {
        Command.Result vet = GoApp.go("vet", "./...").run();
        assertThat(vet.exitCode()).as(vet.output()).isZero();
    }

    @Test
    void goTestPasses() {
        Command test = GoApp.go("test", "-v", "./...");
        // internal/pg's tests talk to a real server, named by libpq's variables as the app's database is.
        TestDatabase.shared().environment().forEach(test::env);
        Command.Result result = test.run();
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("the client's tests ran against the server, not skipped")
                .contains("--- PASS: TestThePoolRunsAtMostItsSizeAndRefusesPastTheAcquireTimeout");
    }
}
