package loopvsloom.loadtest.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabDatabaseTest {

    private static final Map<String, String> PG = Map.of("PGHOST", "127.0.0.1", "PGPORT", "5832", "PGDATABASE",
            "loopvsloom", "PGUSER", "loopvsloom", "PGPASSWORD", "loopvsloom");
    private static final String NO_BINARIES = "No PostgreSQL binaries for SunOS sparc in this build";

    @Test
    void demosRecipeIsOneWordALineAndPostgresqlListensOnPgport() {
        LabDatabase database = LabDatabase.started(PG, "env\nDATA_DIR=/state/postgres\njava\n-jar\ndb.jar\n", 6832);

        assertThat(database.command()).containsExactly("env", "DATA_DIR=/state/postgres", "java", "-jar", "db.jar");
        assertThat(database.port()).isEqualTo(5832);
        assertThat(database.managementPort()).isEqualTo(6832);
        assertThat(database.missing()).isEmpty();
    }

    @Test
    void onlyThePoolLabAndItsExerciseQueryPostgresql() {
        assertThat(Labs.all()).filteredOn(lab -> lab.plan(LabPlan.Mode.QUICK).database()
                || lab.plan(LabPlan.Mode.FULL).database() || lab.check().database())
                .extracting(Lab::number).containsExactly(10);
        Lab pool = Labs.number(10);
        assertThat(List.of(pool.plan(LabPlan.Mode.QUICK), pool.plan(LabPlan.Mode.FULL), pool.check(),
                pool.check().withSolutions())).allMatch(LabPlan::database);
    }

    @Test
    void thePreflightSaysWhetherTheDatabaseLabCanRun() {
        assertThat(Preflight.database(LabDatabase.none(NO_BINARIES))).get()
                .extracting(Preflight.Finding::level, Preflight.Finding::what)
                .containsExactly(Preflight.Level.WARN, "optional, for lab 10 only: no PostgreSQL: " + NO_BINARIES
                        + "; the other labs run");
        assertThat(Preflight.database(LabDatabase.started(PG, "java", 6832))).get()
                .extracting(Preflight.Finding::level, Preflight.Finding::what)
                .containsExactly(Preflight.Level.OK, "PostgreSQL ready (lab 10): the demo's own, started by the lab"
                        + " on 127.0.0.1:5832");
        assertThat(Preflight.database(LabDatabase.running(PG))).get()
                .extracting(Preflight.Finding::what).isEqualTo("PostgreSQL ready (lab 10): the one at 127.0.0.1:5832");
    }

    @Test
    void aLabThatQueriesPostgresqlRefusesWithoutOneBeforeStartingAnything(@TempDir Path state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (LabSession session = new LabSession(LabRun.ROOT, state, "java", List.of(), LabRun.freeOffset(),
                Runtimes.none(), LabDatabase.none(NO_BINARIES), new PrintStream(out), true)) {
            LabRunner runner = new LabRunner(session, null, new PrintStream(out));

            assertThatThrownBy(() -> runner.run(Labs.number(10), LabPlan.Mode.QUICK, false, null))
                    .isInstanceOf(LabError.class).hasMessage("lab 10 cannot run here: " + NO_BINARIES);
        }
        assertThat(state).isEmptyDirectory();
    }
}
