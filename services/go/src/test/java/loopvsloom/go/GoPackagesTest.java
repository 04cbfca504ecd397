package loopvsloom.go;

import static org.assertj.core.api.Assertions.assertThat;

import loopvsloom.testkit.Command;
import org.junit.jupiter.api.Test;

/**
 * Go's own checks of services/go: go vet, and go test (the domain port against services/domain's test-vectors.json,
 * the query decoding, the metrics format), so ./mvnw verify runs them too.
 */
class GoPackagesTest {

    @Test
    void goVetFindsNothing() {
        Command.Result vet = GoApp.go("vet", "./...").run();
        assertThat(vet.exitCode()).as(vet.output()).isZero();
    }

    @Test
    void goTestPasses() {
        Command.Result test = GoApp.go("test", "./...").run();
        assertThat(test.exitCode()).as(test.output()).isZero();
    }
}
