package loopvsloom.threads;

import io.micrometer.java21.instrument.binder.jdk.VirtualThreadMetrics;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * What "cheap threads" look like from outside: Micrometer's binder reads JDK 25's VirtualThreadSchedulerMXBean
 * (carrier parallelism and pool size, virtual threads mounted on a carrier vs queued for one) and JFR's pinning and
 * submit-failed events, the two ways a virtual thread can hold or miss a carrier.
 */
@Factory
final class VirtualThreadMeters {

    @Singleton
    @Bean(preDestroy = "close")
    VirtualThreadMetrics virtualThreadMetrics() {
        return new VirtualThreadMetrics();
    }
}
