package loopvsloom.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCommandTest {

    @TempDir
    Path dir;

    @Test
    void timesARealProcessToItsFirst200AndStopsIt() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path record = dir.resolve("startup.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int status = Main.commandLine().execute("startup", "--app", "hello", "--mode", "default", "--times", "2",
                "--url", "http://127.0.0.1:" + port + "/", "--record", record.toString(), "--",
                java, "-cp", System.getProperty("java.class.path"), "loopvsloom.loadtest.bench.NettyHello",
                Integer.toString(port));
        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(record);
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line)
                .matches("\\{\"app\":\"hello\",\"mode\":\"default\",\"ms\":[0-9.]+\\}"));
        // Each start was stopped again: the port is free.
        try (ServerSocket again = new ServerSocket(port)) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void refusesAnythingButLoopback() {
        int status = Main.commandLine().execute("startup", "--app", "x", "--mode", "default", "--url",
                "http://example.com/", "--", "true");
        assertThat(status).isEqualTo(1);
    }
}
