package loopvsloom.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Only configuration tells the two modes apart: a virtual thread per task without limit, or a fixed pool of 200
 * platform threads where task 201 waits in the queue: for requests, their downstream calls and the streams they write.
 */
class RequestExecutorTest {

    private static final int TASKS = 250;

    @Test
    void virtualModeRunsEveryBlockedRequestAtOnceOnVirtualThreads() throws Exception {
        try (ApplicationContext context = ApplicationContext.run("test")) {
            assertThat(peakConcurrency(requests(context))).isEqualTo(TASKS);
            assertThat(requests(context).submit(() -> Thread.currentThread().isVirtual()).get(5, TimeUnit.SECONDS))
                    .isTrue();
            assertThat(peakConcurrency(streamWriters(context))).isEqualTo(TASKS);
        }
    }

    @Test
    void platformModeRunsAtMost200BlockedRequestsOnPlatformThreads() throws Exception {
        try (ApplicationContext context = ApplicationContext.run("test", "platform")) {
            assertThat(peakConcurrency(requests(context))).isEqualTo(200);
            assertThat(requests(context).submit(() -> Thread.currentThread().isVirtual()).get(5, TimeUnit.SECONDS))
                    .isFalse();
            ExecutorService fanout = context.getBean(ExecutorService.class, Qualifiers.byName(FanOut.EXECUTOR));
            assertThat(fanout.submit(() -> Thread.currentThread().isVirtual()).get(5, TimeUnit.SECONDS)).isFalse();
            // Streams too: Micronaut writes an InputStream body from its blocking executor, a 200-thread pool here.
            assertThat(peakConcurrency(streamWriters(context))).isEqualTo(200);
            assertThat(streamWriters(context).submit(() -> Thread.currentThread().isVirtual()).get(5, TimeUnit.SECONDS))
                    .isFalse();
        }
    }

    private static ExecutorService streamWriters(ApplicationContext context) {
        return context.getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.BLOCKING));
    }

    private static ExecutorService requests(ApplicationContext context) {
        return context.getBean(ExecutorService.class, Qualifiers.byName(Requests.EXECUTOR));
    }

    /** Submits tasks that all block until released, and reports how many ran at the same time. */
    private static int peakConcurrency(ExecutorService executor) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        for (int i = 0; i < TASKS; i++) {
            executor.execute(() -> {
                running.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.incrementAndGet();
                }
            });
        }
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> running.get() == Math.min(TASKS, 200) || running.get() == TASKS);
        Thread.sleep(300);
        int peak = running.get();
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == TASKS);
        return peak;
    }
}
