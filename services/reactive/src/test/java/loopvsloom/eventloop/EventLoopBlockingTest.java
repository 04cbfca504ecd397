package loopvsloom.eventloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
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
 * event loops Micronaut serves requests on, and fail the test even where no caller sees its error; otherwise the
 * contract suite's silence would prove nothing.
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
        assertThat(EveryBlockingCallFails.take()).singleElement()
                .satisfies(report -> assertThat(report.thread()).contains("eventLoop"));
    }

    @Test
    void blockingCallNobodyAwaitsOnEventLoopStillFailsTheTest() {
        EventLoopGroup loops = context.getBean(EventLoopGroup.class);
        // What the HTTP client's pool does in a connection's callbacks: nothing answers for what the task throws
        // (Netty logs it), so only the report kept by EveryBlockingCallFails can fail the test.
        loops.execute(() -> {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThatThrownBy(EveryBlockingCallFails::assertNone)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("eventLoop")
                .hasMessageContaining("Blocking call! java.lang.Thread.sleep"));
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
        assertThat(EveryBlockingCallFails.take()).singleElement()
                .satisfies(report -> assertThat(report.thread()).startsWith("parallel-"));
    }
}
