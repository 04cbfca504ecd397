package loopvsloom.loadtest.engine;

import java.util.NoSuchElementException;

/** A FIFO of primitive longs: the due times of requests waiting for a connection, without boxing each one. */
final class LongQueue {

    private long[] items = new long[64];
    private int head;
    private int size;

    void add(long value) {
        if (size == items.length) {
            long[] grown = new long[items.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = items[(head + i) % items.length];
            }
            items = grown;
            head = 0;
        }
        items[(head + size) % items.length] = value;
        size++;
    }

    long poll() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        long value = items[head];
        head = (head + 1) % items.length;
        size--;
        return value;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
