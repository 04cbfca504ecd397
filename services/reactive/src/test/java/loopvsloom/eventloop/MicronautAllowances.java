package loopvsloom.eventloop;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What Micronaut and Netty do on an event loop that BlockHound reports but that is not request-time blocking: calls
 * made once, lazily (reading service files for its first error response; seeding the SSL context, from /dev/urandom, when the
 * first downstream call builds the HTTP client), and three locks held for a few instructions that park only when
 * contended (each seen once here on a busy machine, as a 500): the client pool's hand-over of a request to a
 * connection (a LinkedBlockingQueue insert), Netty's buffer allocator growing its per-thread magazines, and the bean
 * context's cache of bean definitions (a ConcurrentHashMap bin lock), which an error response looks up its handler in.
 * And our own: the log line of a failed downstream call (a write to stdout, as node's console.log on its loop), at most
 * one a second. Anything else BlockHound finds fails the test that triggered it.
 */
public final class MicronautAllowances implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.micronaut.core.io.service.ServiceScanner", "computeStandardServiceTypeNames");
        builder.allowBlockingCallsInside("io.micronaut.core.io.service.SoftServiceLoader", "iterator");
        builder.allowBlockingCallsInside("io.micronaut.http.netty.SslContextAutoLoader", "autoLoad");
        builder.allowBlockingCallsInside("io.micronaut.http.client.netty.Pool49$PendingRequest", "dispatchLocal");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        builder.allowBlockingCallsInside("io.micronaut.context.DefaultBeanContext", "findConcreteCandidate");
        builder.allowBlockingCallsInside("loopvsloom.web.DownstreamFailureLog", "failed");
    }
}
