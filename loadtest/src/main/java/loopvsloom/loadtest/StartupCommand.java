package loopvsloom.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Start to first answer: starts a command (an app's java line), asks the URL every 5 ms from the moment the process
 * exists until one answer is 200, records the milliseconds, and stops the process again. Measured from a running
 * JVM, so the measurement itself starts nothing on the cores the app needs.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Times an app's start to its first 200 (./demo bench uses it).")
final class StartupCommand implements Callable<Integer> {

    private static final long POLL_MILLIS = 5;

    @Option(names = "--url", required = true, description = "The request that must answer 200 (loopback).")
    URI url;

    @Option(names = "--app", required = true, description = "App name for the record.")
    String app;

    @Option(names = "--mode", required = true, description = "How it was started, e.g. aot or default.")
    String mode;

    @Option(names = "--times", defaultValue = "3", description = "Starts (default: ${DEFAULT-VALUE}).")
    int times;

    @Option(names = "--record", description = "Appends one JSON line per start to this file.")
    Path record;

    @Option(names = "--log", description = "The app's output goes here (default: discarded).")
    Path log;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The app's command line.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String host = url.getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("start-up is timed on loopback only, not " + host);
        }
        for (int i = 1; i <= times; i++) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (log != null) {
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            long start = System.nanoTime();
            Process process = builder.start();
            double ms = Double.NaN;
            try {
                long deadline = start + TimeUnit.SECONDS.toNanos(120);
                while (System.nanoTime() < deadline && process.isAlive()) {
                    if (answers200(host, url.getPort(), url.getRawPath() + (url.getRawQuery() == null ? ""
                            : "?" + url.getRawQuery()))) {
                        ms = (System.nanoTime() - start) / 1e6;
                        break;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            } finally {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            if (Double.isNaN(ms)) {
                System.err.println("startup: " + app + " (" + mode + ") never answered 200 at " + url);
                return 1;
            }
            String line = String.format(Locale.ROOT, "{\"app\":\"%s\",\"mode\":\"%s\",\"ms\":%.1f}", app, mode, ms);
            System.out.println(line);
            if (record != null) {
                Files.writeString(record, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        return 0;
    }

    private static boolean answers200(String host, int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] status = in.readNBytes(12);
            return new String(status, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }
}
