package loopvsloom.eventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * BlockHound (installed for every reactive test by blockhound-junit-platform) must catch a blocking call on the very
 * event loops Micronaut serves requests on; otherwise the contract suite's silence would prove nothing.
 */
class EventLoopBlockingTest {

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run("test");
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void blockingCallOnEventLoopIsDetected() {
        EventLoopGroup loops = context.getBean(EventLoopGroup.class);
        assertThatThrownBy(() -> loops.submit(() -> {
            Thread.sleep(10);
            return null;
        }).get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(BlockingOperationError.class)
                .hasMessageStartingWith("Blocking call! java.lang.Thread.sleep");
    }

    @Test
    void nonBlockingWorkOnEventLoopIsFine() throws Exception {
        EventLoopGroup loops = context.getBean(EventLoopGroup.class);
        assertThat(loops.submit(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS))
                .contains("eventLoop");
    }

    @Test
    void blockingCallOnCpuSchedulerIsDetected() {
        StepVerifier.create(Mono.fromCallable(() -> {
            Thread.sleep(10);
            return 1;
        }).subscribeOn(Schedulers.parallel())).expectErrorSatisfies(e -> assertThat(e)
                .isInstanceOf(BlockingOperationError.class)
                .hasMessageStartingWith("Blocking call! java.lang.Thread.sleep")).verify();
    }
}
