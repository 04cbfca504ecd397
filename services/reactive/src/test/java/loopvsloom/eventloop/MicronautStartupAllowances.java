package loopvsloom.eventloop;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Blocking calls Micronaut makes once, lazily, on an event loop (reading service files for its first error response;
 * seeding the SSL context, from /dev/urandom, when the first downstream call builds the HTTP client): not request-time
 * blocking, so allowed; anything else BlockHound finds fails the test that triggered it.
 */
public final class MicronautStartupAllowances implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.micronaut.core.io.service.ServiceScanner", "computeStandardServiceTypeNames");
        builder.allowBlockingCallsInside("io.micronaut.core.io.service.SoftServiceLoader", "iterator");
        builder.allowBlockingCallsInside("io.micronaut.http.netty.SslContextAutoLoader", "autoLoad");
    }
}
