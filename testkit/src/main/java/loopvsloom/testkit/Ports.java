package loopvsloom.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Loopback ports for the apps a test starts, so tests never take a fixed port that something else may hold. */
public final class Ports {

    private Ports() {
    }

    /**
     * A port nothing listens on right now (the kernel's pick, closed again at once). For a process that must be told
     * its port up front; an in-process server should rather bind port 0 (Micronaut: -1) and report what it got.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
