package loopvsloom.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessTest {

    @TempDir
    Path logs;

    @Test
    void waitsForTheLogAndItsEnvironmentReachesTheProcess() {
        try (LocalProcess process = LocalProcess.of("echo", "sh", "-c", "sleep 0.3; echo \"listening on $PORT\"; sleep 30")
                .env("PORT", 4321).logDir(logs).start()) {
            process.awaitLog("listening on 4321", Duration.ofSeconds(10));

            assertThat(process.isAlive()).isTrue();
            assertThat(process.log()).startsWith(logs.toAbsolutePath()).content().contains("listening on 4321");
        }
    }

    @Test
    void aProcessThatExitsDuringStartUpFailsAtOnceWithItsLog() {
        try (LocalProcess process = LocalProcess.of("crash", "sh", "-c", "echo 'bad config'; exit 3").logDir(logs)
                .start()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> process.awaitLog("ready", Duration.ofSeconds(30)))
                    .hasMessageContaining("crash exited with 3").hasMessageContaining("bad config");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void waitsUntilAnUrlAnswers200() throws Exception {
        AtomicBoolean ready = new AtomicBoolean();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(ready.get() ? 200 : 503, -1);
            exchange.close();
        });
        server.start();
        URI health = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/health");
        try (LocalProcess process = LocalProcess.of("sleeper", "sleep", "30").logDir(logs).start()) {
            assertThat(Probe.httpStatus(health)).isEqualTo(503);
            Thread.ofVirtual().start(() -> {
                LocalProcess.sleep(Duration.ofMillis(300));
                ready.set(true);
            });

            process.awaitHttpOk(health, Duration.ofSeconds(10));
        } finally {
            server.stop(0);
        }
        assertThat(Probe.httpStatus(URI.create("http://127.0.0.1:" + Ports.free() + "/"))).isEqualTo(-1);
    }

    @Test
    void closeStopsTheProcessAndWhatItStarted() throws Exception {
        Path childPid = logs.resolve("child.pid");
        LocalProcess process = LocalProcess.of("parent", "sh", "-c", "sleep 60 & echo $! > " + childPid + "; wait")
                .logDir(logs).start();
        process.await("the child's pid", Duration.ofSeconds(10), () -> Files.exists(childPid) && size(childPid) > 0);
        ProcessHandle child = ProcessHandle.of(Long.parseLong(Files.readString(childPid).strip())).orElseThrow();

        process.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(child.onExit().get().isAlive()).isFalse();
    }

    @Test
    void aJarThatIsNotBuiltSaysHowToBuildIt() {
        assertThatThrownBy(() -> LocalProcess.jar("app", logs.resolve("app.jar")))
                .hasMessageContaining("./mvnw verify builds every module");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
