package loopvsloom.backend;

import io.micronaut.http.client.exceptions.HttpClientException;
import java.util.function.Supplier;
import loopvsloom.web.ProblemException;

/** How every style treats a failed downstream call: the caller gets a 502, whatever the client threw. */
public final class Downstream {

    private Downstream() {
    }

    public static <T> T failuresAs502(String call, Supplier<T> request) {
        try {
            return request.get();
        } catch (HttpClientException e) {
            throw ProblemException.downstream(call, e);
        }
    }
}
