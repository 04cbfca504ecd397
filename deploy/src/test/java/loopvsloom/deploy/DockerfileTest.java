package loopvsloom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loopvsloom.deploy.Apps.App;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read without a Docker engine: Maven + JDK 25 building (a locked cache), a JRE 25 running, the right
 * jar in each app's stage, the app's own ports, a numeric non-root user, every JVM memory pool capped, the curl-free
 * health check.
 * (The build command itself runs in CI as part of ./mvnw verify's reactor build; the image build needs an engine.)
 */
class DockerfileTest {

    private final Dockerfile dockerfile = Dockerfile.read();

    @Test
    void buildsWithTemurinJdk25AndRunsOnTemurinJre25() {
        assertThat(dockerfile.globalArgs().get("JDK_IMAGE")).startsWith("eclipse-temurin:25-jdk");
        assertThat(dockerfile.globalArgs().get("JRE_IMAGE")).startsWith("eclipse-temurin:25-jre");
        assertThat(dockerfile.stage("build").from()).isEqualTo("${JDK_IMAGE}");
        assertThat(dockerfile.stage("build-loadtest").from()).isEqualTo("${JDK_IMAGE}");
        assertThat(dockerfile.stage("jvm").from()).isEqualTo("${JRE_IMAGE}");
        assertThat(dockerfile.stage("runtime").from()).as("the apps' runtime on the JVM stage").isEqualTo("jvm");
        assertThat(dockerfile.stage("loadtest").from()).as("the harness on the JVM stage").isEqualTo("jvm");
        assertThat(Repo.read("Dockerfile").lines().findFirst().orElseThrow())
                .as("BuildKit syntax (RUN --mount, COPY --chmod)").startsWith("# syntax=docker/dockerfile:1");
    }

    @Test
    void theBuildStagePackagesEveryAppAndEachStageCopiesItsOwnJar() {
        String build = String.join(" ", dockerfile.stage("build").all("RUN"));
        assertThat(build).contains("./mvnw", "package", "-am", "--mount=type=cache,target=/root/.m2");
        for (String stage : dockerfile.stages()) {
            for (String run : dockerfile.stage(stage).all("RUN")) {
                Matcher cache = Pattern.compile("--mount=type=cache,(\\S+)").matcher(run);
                while (cache.find()) {
                    assertThat(cache.group(1).split(",")).as(stage + ": Maven's cache is shared by the builds compose runs"
                            + " at once; locked, they take turns instead of writing the same files together")
                            .contains("sharing=locked");
                }
            }
        }
        Matcher modules = Pattern.compile("-pl\\s+(\\S+)").matcher(build);
        assertThat(modules.find()).as("-pl in the build").isTrue();
        List<String> selected = List.of(modules.group(1).split(","));
        for (App app : Apps.JVM) {
            assertThat(selected).as("-pl builds " + app.module()).contains(app.module());
            String jar = app.module() + "/target/" + app.artifact() + "-0.1.0-SNAPSHOT.jar";
            assertThat(build).as("the build copies " + jar).contains("cp " + jar + " /out/" + app.artifact() + ".jar");
            assertThat(dockerfile.stage(app.name()).from()).as(app.name() + " stage base").isEqualTo("runtime");
            assertThat(dockerfile.stage(app.name()).all("COPY")).as(app.name() + " copies its jar")
                    .containsExactly("--from=build /out/" + app.artifact() + ".jar /app/app.jar");
        }
        assertThat(selected).as("-pl builds the database's migrations").contains("services/database");
        assertThat(build).contains("cp services/database/target/database-0.1.0-SNAPSHOT.jar /out/database.jar");
        assertThat(dockerfile.stage("database-migrate").from()).as("the migration on the JVM stage").isEqualTo("jvm");
        assertThat(dockerfile.stage("database-migrate").all("COPY")).containsExactly(
                "--from=build /out/database.jar /app/database.jar");
        assertThat(dockerfile.effective("database-migrate", "ENTRYPOINT")).as("a one-shot migrate, java as PID 1")
                .isEqualTo("[\"java\", \"-jar\", \"/app/database.jar\", \"migrate\"]");
        assertThat(String.join(" ", dockerfile.stage("build-loadtest").all("RUN")))
                .as("the harness built with the modules it needs (apps, testkit): a fresh ~/.m2 in the image has none")
                .contains("-pl loadtest -am", "cp loadtest/target/loadtest-0.1.0-SNAPSHOT.jar /out/loadtest.jar");
        assertThat(Files.exists(Repo.path("loadtest/pom.xml"))).as("loadtest/pom.xml").isTrue();
        // what the build reads must get into the build context
        List<String> ignored = Repo.read(".dockerignore").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignored).as(".dockerignore keeps the wrapper, the poms and the sources")
                .doesNotContain("mvnw", ".mvn", "pom.xml", "apps", "testkit", "services", "gateway", "loadtest", "deploy",
                        "observability", "*");
        assertThat(ignored).contains("**/target", ".git");
    }

    @Test
    void eachAppStageHasItsOwnPortsAndPeers() {
        for (App app : Apps.JVM) {
            Apps.Config config = app.config();
            Map<String, String> env = dockerfile.effectiveEnv(app.name());
            assertThat(env).as(app.name() + " image env").containsEntry("PORT", String.valueOf(config.port()))
                    .containsEntry("MANAGEMENT_PORT", String.valueOf(config.managementPort()));
            assertThat(dockerfile.stage(app.name()).all("EXPOSE")).as(app.name() + " EXPOSE")
                    .containsExactly(config.port() + " " + config.managementPort());
            if (app.micronautEnvironment() != null) {
                assertThat(env).containsEntry("MICRONAUT_ENVIRONMENTS", app.micronautEnvironment());
            } else {
                assertThat(env).doesNotContainKey("MICRONAUT_ENVIRONMENTS");
            }
            for (String variable : Apps.urlVariablesOf(app)) {
                App callee = Apps.URL_VARIABLES.get(variable);
                assertThat(env).as(app.name() + " " + variable).containsEntry(variable,
                        "http://" + callee.name() + ":" + callee.config().port());
            }
        }
    }

    @Test
    void runsAsANumericNonRootUserWithACappedJvmAndAHealthCheck() {
        List<String> stages = new ArrayList<>(Apps.JVM.stream().map(App::name).toList());
        stages.add("loadtest");
        stages.add("database-migrate");
        for (String stage : stages) {
            String user = dockerfile.effective(stage, "USER");
            assertThat(user).as(stage + " USER").matches("[1-9][0-9]*(:[1-9][0-9]*)?");
            String entrypoint = dockerfile.effective(stage, "ENTRYPOINT");
            assertThat(entrypoint).as(stage + " ENTRYPOINT in exec form, java as PID 1").startsWith("[\"java\",");
            String options = dockerfile.effectiveEnv(stage).get("JDK_JAVA_OPTIONS");
            assertThat(options).as(stage + " JVM options: every pool capped (MemoryBudgetTest adds them up), out of memory"
                    + " ends the process").contains("-Xmx", "-XX:MaxDirectMemorySize=", "-XX:MaxMetaspaceSize=",
                    "-XX:ReservedCodeCacheSize=", "-XX:+ExitOnOutOfMemoryError").doesNotContain("RAMPercentage");
        }
        for (App app : Apps.JVM) {
            assertThat(dockerfile.effective(app.name(), "HEALTHCHECK")).as(app.name() + " HEALTHCHECK")
                    .endsWith("CMD [\"/app/healthcheck\"]");
            Map<String, String> env = dockerfile.effectiveEnv(app.name());
            assertThat(env).containsEntry("MICRONAUT_LIFECYCLE_GRACEFUL_SHUTDOWN_ENABLED", "true");
            assertThat(env).containsKey("MICRONAUT_LIFECYCLE_GRACEFUL_SHUTDOWN_GRACE_PERIOD");
        }
        assertThat(dockerfile.stage("runtime").all("COPY")).contains("--chmod=0755 deploy/docker/healthcheck /app/healthcheck");
        assertThat(dockerfile.stage("loadtest").all("COPY")).contains("--chmod=0755 deploy/docker/await-gateway /app/await-gateway",
                "apps/apps.conf /app/apps.conf");
        for (String script : List.of("deploy/docker/healthcheck", "deploy/docker/await-gateway")) {
            assertThat(Files.isExecutable(Repo.path(script))).as(script + " executable").isTrue();
            String text = Repo.read(script);
            assertThat(text).as(script + " runs on bash").startsWith("#!/bin/bash\n");
            assertThat(text.lines().filter(l -> !l.strip().startsWith("#")).toList()).as(script + " needs no curl or wget")
                    .noneMatch(l -> l.matches(".*\\b(curl|wget)\\b.*"));
        }
    }

    /** go and node: their own Dockerfile, built from their folder, with what every image of the project has. */
    @Test
    void anAppOfAnotherRuntimeHasItsOwnImageWithItsPortsANumericUserAndAHealthCheck() {
        for (App app : Apps.OTHER_RUNTIMES) {
            assertThat(app.ownDockerfile()).as(app.name() + "'s own Dockerfile").isRegularFile();
            Dockerfile own = Dockerfile.readOwn(Repo.path(".").relativize(app.ownDockerfile()).toString());
            Dockerfile.Stage image = own.image();
            assertThat(dockerfile.stages()).as(app.name() + " is not a stage of the root Dockerfile: one recipe per image")
                    .doesNotContain(app.name());
            Map<String, String> env = image.env();
            assertThat(env).as(app.name() + " image env").containsEntry("PORT", String.valueOf(app.listed().port()))
                    .containsEntry("MANAGEMENT_PORT", String.valueOf(app.listed().managementPort()))
                    .containsKey("GRACEFUL_SHUTDOWN_GRACE_PERIOD");
            assertThat(image.all("EXPOSE")).as(app.name() + " EXPOSE")
                    .containsExactly(app.listed().port() + " " + app.listed().managementPort());
            assertThat(image.all("USER")).as(app.name() + " USER: numeric, non-root").last().asString()
                    .matches("[1-9][0-9]*(:[1-9][0-9]*)?");
            assertThat(image.all("HEALTHCHECK")).as(app.name() + " HEALTHCHECK: compose's depends_on waits for it")
                    .singleElement().asString().contains(" CMD [");
            List<String> start = new ArrayList<>(image.all("ENTRYPOINT"));
            start.addAll(image.all("CMD"));
            assertThat(start).as(app.name() + ": exec form, the app is PID 1 and gets SIGTERM itself").isNotEmpty()
                    .allMatch(line -> line.startsWith("["));
        }
    }
}
