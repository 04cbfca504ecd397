package loopvsloom.stream;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Downstream's chunks as an InputStream that fetches the next chunk only when read: the blocking way to stream with
 * backpressure. A read returns as soon as it has any bytes, so each tick reaches the client when it arrives.
 */
final class ChunkInputStream extends InputStream {

    private final Stream<byte[]> chunks;
    private final Iterator<byte[]> next;
    private byte[] chunk = new byte[0];
    private int pos;

    ChunkInputStream(Stream<byte[]> chunks) {
        this.chunks = chunks;
        this.next = chunks.iterator();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    /**
     * Waits for the first chunk, so a downstream that cannot be reached or fails at once surfaces as an exception
     * before the response's 200 is sent (the controller maps it to 502). False if the stream is empty.
     */
    boolean awaitFirstChunk() {
        return fill();
    }

    private boolean fill() {
        while (pos == chunk.length) {
            if (!next.hasNext()) {
                return false;
            }
            chunk = next.next();
            pos = 0;
        }
        return true;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            if (!fill()) {
                return -1;
            }
        } catch (RuntimeException e) {
            // Downstream broke mid-stream: the 200 is already out, so the server can only cut the connection, which
            // it does for an IOException (an unchecked one left the client waiting for more).
            throw new IOException("downstream stream broke", e);
        }
        int n = Math.min(length, chunk.length - pos);
        System.arraycopy(chunk, pos, buffer, offset, n);
        pos += n;
        return n;
    }

    /** Called when the response ends or the client goes away: cancels the downstream request. */
    @Override
    public void close() {
        chunks.close();
    }
}
