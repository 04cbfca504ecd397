package loopvsloom.eventloop;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What Micronaut and Netty do on an event loop that BlockHound reports but that is not request-time blocking: calls
 * made once, lazily (reading service files for its first error response; seeding the SSL context, from /dev/urandom, when the
 * first downstream call builds the HTTP client), and three locks held for a few instructions that park only when
 * contended (each seen here on a busy machine): the client pool's queue of requests waiting for a connection on any
 * loop, Netty's buffer allocator growing its per-thread magazines, and a ConcurrentHashMap's tree bin (the bean
 * context's caches, which an error response looks up its handler in and a response its body writer). And our own:
 * the log line of a failed downstream call (a write to stdout, as node's console.log on its loop), at most one a
 * second. Anything else BlockHound finds fails the test during which it came (EveryBlockingCallFails), even where
 * nothing answers for it.
 */
public final class MicronautAllowances implements BlockHoundIntegration {

    private static final String CLIENT_POOL = "io.micronaut.http.client.netty.Pool49";

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.micronaut.core.io.service.ServiceScanner", "computeStandardServiceTypeNames");
        builder.allowBlockingCallsInside("io.micronaut.core.io.service.SoftServiceLoader", "iterator");
        builder.allowBlockingCallsInside("io.micronaut.http.netty.SslContextAutoLoader", "autoLoad");
        // The client pool's queue of requests waiting for a connection on any loop (once more than 4 connections are
        // opening at a time) is a LinkedBlockingQueue: its add and poll never wait for an element, but take a lock that
        // both loops contend for. A request is put in (dispatchLocal); a freed connection (dispatchPendingRequests) or
        // a newly open one (openGlobalConnectionIfNecessary, seen in QuoteContractTest's burst of cancelled calls)
        // takes one out.
        builder.allowBlockingCallsInside(CLIENT_POOL + "$PendingRequest", "dispatchLocal");
        builder.allowBlockingCallsInside(CLIENT_POOL + "$LocalPoolPair", "dispatchPendingRequests");
        builder.allowBlockingCallsInside(CLIENT_POOL, "openGlobalConnectionIfNecessary");
        // Not what the pool then does with the request taken: writing it on its connection is checked.
        builder.disallowBlockingCallsInside(CLIENT_POOL + "$PendingRequest", "dispatchTo");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        builder.allowBlockingCallsInside("io.micronaut.context.DefaultBeanContext", "findConcreteCandidate");
        // A bin of colliding keys turns into a tree whose writer waits for the bin's readers, a few instructions: the
        // only park in a ConcurrentHashMap. Seen in DefaultBeanContext.getBeanRegistrations, the first lookup of a
        // response's body writer by concurrent streams on both loops (ConcurrencyLimitContractTest): a 500 in CI.
        builder.allowBlockingCallsInside("java.util.concurrent.ConcurrentHashMap$TreeBin", "contendedLock");
        builder.allowBlockingCallsInside("loopvsloom.web.DownstreamFailureLog", "failed");
    }
}
