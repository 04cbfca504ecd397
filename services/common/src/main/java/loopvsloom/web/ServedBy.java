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

    ServedBy(@Value("${app.style}") String style) {
        this.style = style;
    }

    public String style() {
        return style;
    }

    /** For example {@code reactive; thread=event-loop} or {@code virtual; thread=virtual}. */
    public String here() {
        return style + "; thread=" + threadKind(Thread.currentThread());
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
