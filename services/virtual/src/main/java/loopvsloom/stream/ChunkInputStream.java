package loopvsloom.stream;

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
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (pos == chunk.length) {
            if (!next.hasNext()) {
                return -1;
            }
            chunk = next.next();
            pos = 0;
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
