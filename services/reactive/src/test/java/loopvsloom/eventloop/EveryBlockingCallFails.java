package loopvsloom.eventloop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound throws its report on the thread that blocked. On a request's way that is a 500 the test sees; inside
 * Netty's or the HTTP client's own code on an event loop nobody answers for it (Netty logs a warning and the test
 * passes). So every report is also kept here, and fails the test during which it came (after it, in afterEach) unless
 * that test took it: the tests that block on purpose.
 */
public final class EveryBlockingCallFails implements BlockHoundIntegration, AfterEachCallback {

    private static final ConcurrentLinkedQueue<Report> REPORTS = new ConcurrentLinkedQueue<>();

    /** A report of BlockHound's and the thread it stopped. */
    public record Report(String thread, BlockingOperationError error) {
    }

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.blockingMethodCallback(EveryBlockingCallFails::report);
    }

    /** As BlockHound's own callback (the error, its stack from the blocking call down), and kept. */
    private static void report(BlockingMethod method) {
        BlockingOperationError error = new BlockingOperationError(method);
        StackTraceElement[] stack = error.getStackTrace();
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().equals("reactor.blockhound.BlockHoundRuntime")
                    && stack[i].getMethodName().equals("checkBlocking")) {
                error.setStackTrace(Arrays.copyOfRange(stack, i + 1, stack.length));
                break;
            }
        }
        REPORTS.add(new Report(Thread.currentThread().getName(), error));
        throw error;
    }

    /** The reports since the last test ended or the last take, which no longer fail a test. */
    public static List<Report> take() {
        List<Report> taken = new ArrayList<>();
        for (Report report; (report = REPORTS.poll()) != null; ) {
            taken.add(report);
        }
        return taken;
    }

    /** Fails with every report not taken (and forgets them, so the next test starts clean). */
    public static void assertNone() {
        List<Report> left = take();
        if (left.isEmpty()) {
            return;
        }
        Report first = left.getFirst();
        AssertionError failure = new AssertionError(left.size() + " blocking call(s) reported by BlockHound, the first on "
                + first.thread() + ": " + first.error().getMessage(), first.error());
        left.stream().skip(1).forEach(report -> failure.addSuppressed(report.error()));
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        assertNone();
    }
}
