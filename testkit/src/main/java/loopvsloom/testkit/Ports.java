package loopvsloom.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports for the apps a test starts, so tests never take a fixed port that something else may hold. */
public final class Ports {

    /**
     * Where the OS's ephemeral ports begin (Linux; 49,152 elsewhere): outgoing connections take their local ports
     * from there up, so a port picked below cannot be taken by one between the pick and the process's own bind.
     */
    public static final int EPHEMERAL_FROM = 32_768;
    /** Above the fixed ports of ./demo, its offsets and the usual servers (PostgreSQL's 5432, 8080s, 9090s). */
    public static final int LOWEST = 10_000;

    private Ports() {
    }

    /**
     * A port nothing listens on right now, below the ephemeral ports (one that binds, closed again at once). For a
     * process that must be told its port up front; an in-process server should rather bind port 0 (Micronaut: -1)
     * and report what it got.
     */
    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, EPHEMERAL_FROM);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException taken) {
                // held by something else: try another
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port between " + LOWEST + " and "
                + EPHEMERAL_FROM + " in 100 tries"));
    }
}
