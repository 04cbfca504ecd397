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
 * status: the app must still answer 502. Or ({@link #wrongShape}) it speaks correct HTTP, but one call answers 200
 * with a body the test chooses, JSON of the wrong shape, say, while the others answer as the real one would.
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
    private final Break how;
    private final Runnable afterClose;
    private volatile AnswerShapes.Case wrong;

    /** {@code how}: null for the wrong-shape downstream. */
    private BrokenDownstream(int port, Break how, Runnable afterClose) throws IOException {
        this.how = how;
        this.afterClose = afterClose;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        // Platform threads of its own: the fault tests count the threads of thread-per-task executors in this JVM.
        acceptor = Thread.ofPlatform().daemon().name("broken-downstream").start(this::accept);
    }

    /**
     * Listens on {@code port} (whose real downstream must be gone) and breaks every call made to it; once closed, runs
     * {@code afterClose} (the real one started again).
     */
    static BrokenDownstream on(int port, Break how, Runnable afterClose) {
        return listen(port, how, afterClose);
    }

    /**
     * Listens on {@code port} (whose real downstream must be gone) and answers each catalogue call 200 as the real
     * one does (domain's catalogue), except the call named by {@link #answer}, whose body is the one given there.
     */
    static BrokenDownstream wrongShape(int port, Runnable afterClose) {
        return listen(port, null, afterClose);
    }

    private static BrokenDownstream listen(int port, Break how, Runnable afterClose) {
        try {
            return new BrokenDownstream(port, how, afterClose);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port + " in place of downstream", e);
        }
    }

    /** From now on (wrong-shape downstream only), the case's call answers 200 with the case's body. */
    void answer(AnswerShapes.Case wrongAnswer) {
        wrong = wrongAnswer;
    }

    /** What to answer a request for {@code target} (path and query): the bytes, or null for a reset. */
    private byte[] answerFor(String target) {
        if (how != null) {
            return how.answer == null ? null : how.answer.getBytes(StandardCharsets.US_ASCII);
        }
        AnswerShapes.Case right = AnswerShapes.rightAnswer(target);
        if (right == null) {
            return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
        }
        AnswerShapes.Case current = wrong;
        AnswerShapes.Case answer = current != null && current.call().equals(right.call()) ? current : right;
        byte[] bytes = answer.bytes();
        String contentType = answer.contentType().isEmpty() ? "" : "Content-Type: " + answer.contentType() + "\r\n";
        // Connection: close, as this server answers one request per connection: no client may pool it.
        byte[] head = ("HTTP/1.1 200 OK\r\n" + contentType + "Content-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[head.length + bytes.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(bytes, 0, whole, head.length, bytes.length);
        return whole;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread.ofPlatform().daemon().name("broken-downstream-call").start(() -> answer(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            connection.setSoTimeout(5_000);
            byte[] answer = answerFor(requestTarget(connection.getInputStream()));
            if (answer == null) {
                connection.setSoLinger(true, 0); // close → RST
                return;
            }
            OutputStream out = connection.getOutputStream();
            out.write(answer);
            out.flush();
        } catch (IOException gone) {
            // the app gave up on the call first: nothing left to break
        }
    }

    /**
     * Reads up to the blank line ending a GET's head (the apps send no request bodies downstream) and returns the
     * request line's target.
     */
    private static String requestTarget(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            head.append((char) b);
        }
        String[] requestLine = head.toString().split("\r\n", 2)[0].split(" ");
        return requestLine.length > 1 ? requestLine[1] : "";
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            afterClose.run();
        }
    }
}
