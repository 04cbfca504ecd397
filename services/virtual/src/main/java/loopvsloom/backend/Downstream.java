package loopvsloom.backend;

import java.util.function.Supplier;
import loopvsloom.web.ProblemException;

/**
 * How every style treats a failed downstream call: the caller gets a 502, whatever the client threw — its own
 * HttpClientException, or anything else on the way (the blocking bridge rethrows a checked error, such as a reset
 * connection's IOException, wrapped in Reactor's ReactiveException).
 */
public final class Downstream {

    private Downstream() {
    }

    public static <T> T failuresAs502(String call, Supplier<T> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            throw ProblemException.downstream(call, e);
        }
    }
}
