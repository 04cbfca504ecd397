package loopvsloom.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Names the style and the kind of thread that ran a handler, for the {@code X-Served-By} header, so that a workshop
 * can see with curl where its request ran. Call it on the handler's own thread.
 */
@Singleton
public final class ServedBy {

    public static final String HEADER = "X-Served-By";

    private final String style;
    // The four possible answers, made once: here() runs on every request.
    private final String onVirtual;
    private final String onEventLoop;
    private final String onReactorScheduler;
    private final String onPlatform;

    ServedBy(@Value("${app.style}") String style) {
        this.style = style;
        this.onVirtual = style + "; thread=virtual";
        this.onEventLoop = style + "; thread=event-loop";
        this.onReactorScheduler = style + "; thread=reactor-scheduler";
        this.onPlatform = style + "; thread=platform";
    }

    public String style() {
        return style;
    }

    /** For example {@code reactive; thread=event-loop} or {@code virtual; thread=virtual}. */
    public String here() {
        return switch (threadKind(Thread.currentThread())) {
            case "virtual" -> onVirtual;
            case "event-loop" -> onEventLoop;
            case "reactor-scheduler" -> onReactorScheduler;
            default -> onPlatform;
        };
    }

    static String threadKind(Thread thread) {
        if (thread.isVirtual()) {
            return "virtual";
        }
        String name = thread.getName();
        if (name.contains("eventLoop") || name.contains("event-loop")) {
            return "event-loop";
        }
        return name.startsWith("parallel-") || name.startsWith("boundedElastic-") ? "reactor-scheduler" : "platform";
    }
}
