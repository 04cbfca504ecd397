package loopvsloom.loadtest.engine;

/**
 * How load is offered. OPEN: requests arrive on a fixed schedule whether or not earlier ones have answered, and latency
 * counts from the scheduled time (no coordinated omission). CLOSED: a fixed number of users, each waiting for its
 * answer before asking again, so a slow server also slows the arrivals.
 */
public enum Model {
    OPEN,
    CLOSED
}
