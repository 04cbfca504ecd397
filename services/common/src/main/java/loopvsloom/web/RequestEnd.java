package loopvsloom.web;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import jakarta.inject.Singleton;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs code when a request is really over: its last byte written, or its connection gone. A filter's response
 * publisher ends at the response's headers, which for a stream is its start; Micronaut announces the end with
 * {@link HttpRequestTerminatedEvent}, once per request, on the connection's event loop.
 */
@Singleton
final class RequestEnd implements ApplicationEventListener<HttpRequestTerminatedEvent> {

    private static final String ATTRIBUTE = RequestEnd.class.getName();

    /** Runs {@code action} once, when {@code request} ends; actions registered on one request run in order. */
    static void onEnd(HttpRequest<?> request, Runnable action) {
        Actions actions = request.getAttribute(ATTRIBUTE, Actions.class).orElse(null);
        if (actions == null) {
            actions = new Actions();
            request.setAttribute(ATTRIBUTE, actions);
        }
        actions.add(action);
    }

    @Override
    public void onApplicationEvent(HttpRequestTerminatedEvent event) {
        event.getSource().getAttribute(ATTRIBUTE, Actions.class).ifPresent(Actions::run);
    }

    /** The actions of one request, each taken off the queue as it runs, so none runs twice. */
    private static final class Actions {
        private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();

        void add(Runnable action) {
            pending.add(action);
        }

        void run() {
            for (Runnable action = pending.poll(); action != null; action = pending.poll()) {
                action.run();
            }
        }
    }
}
