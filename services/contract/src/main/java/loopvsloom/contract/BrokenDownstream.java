package loopvsloom.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A downstream that breaks the HTTP conversation itself, in place of the real one on its port: each connection's
 * request is read, then answered in one of the ways a failing peer or network does. No knob of the real downstream can
 * do this (it always speaks correct HTTP), and a client meets these failures as errors of other kinds than an error
 * status: the app must still answer 502.
 */
final class BrokenDownstream implements AutoCloseable {

    /** How a connection is answered, once its request has been read. */
    enum Break {
        /** Bytes that are not HTTP, then the connection closed. */
        NOT_HTTP("HELLO this is not HTTP\r\n\r\n"),
        /** A 200 whose body stops halfway: the connection closes before the promised length. */
        CUT_MID_BODY("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"sku\":"),
        /** A whole 200 whose body is not JSON. */
        NOT_JSON("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\nnot json"),
        /** The connection reset (RST) instead of an answer. */
        RESET(null);

        private final String answer;

        Break(String answer) {
            this.answer = answer;
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;

    private BrokenDownstream(int port, Break how) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        // Platform threads of its own: the fault tests count the threads of thread-per-task executors in this JVM.
        acceptor = Thread.ofPlatform().daemon().name("broken-downstream").start(() -> accept(how));
    }

    /** Listens on {@code port} (whose real downstream must be gone) and breaks every call made to it. */
    static BrokenDownstream on(int port, Break how) {
        try {
            return new BrokenDownstream(port, how);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port + " in place of downstream", e);
        }
    }

    private void accept(Break how) {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread.ofPlatform().daemon().name("broken-downstream-call").start(() -> answer(connection, how));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answer(Socket connection, Break how) {
        try (connection) {
            connection.setSoTimeout(5_000);
            readRequestHead(connection.getInputStream());
            if (how.answer == null) {
                connection.setSoLinger(true, 0); // close → RST
                return;
            }
            OutputStream out = connection.getOutputStream();
            out.write(how.answer.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException gone) {
            // the app gave up on the call first: nothing left to break
        }
    }

    /** Reads up to the blank line ending a GET's head (the apps send no request bodies downstream). */
    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
