package loopvsloom.eventloop;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * What Micronaut does on an event loop that BlockHound reports but that is not request-time blocking: calls made once,
 * lazily (reading service files for its first error response; seeding the SSL context, from /dev/urandom, when the
 * first downstream call builds the HTTP client), and the client pool's hand-over of a request to a connection, a
 * LinkedBlockingQueue insert whose lock is held for the insert only (it parks only when contended, seen here once on a
 * busy machine). Anything else BlockHound finds fails the test that triggered it.
 */
public final class MicronautAllowances implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.micronaut.core.io.service.ServiceScanner", "computeStandardServiceTypeNames");
        builder.allowBlockingCallsInside("io.micronaut.core.io.service.SoftServiceLoader", "iterator");
        builder.allowBlockingCallsInside("io.micronaut.http.netty.SslContextAutoLoader", "autoLoad");
        builder.allowBlockingCallsInside("io.micronaut.http.client.netty.Pool49$PendingRequest", "dispatchLocal");
    }
}
