package loopvsloom.backend;

import java.util.function.Function;
import loopvsloom.web.ProblemException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How every style treats a failed downstream call: the caller gets a 502, whatever the client threw — its own
 * HttpClientException, or any other error on the way (a reset connection's IOException, say).
 */
public final class Downstream {

    private Downstream() {
    }

    public static <T> Function<Mono<T>, Mono<T>> failuresAs502(String call) {
        return mono -> mono.onErrorMap(e -> ProblemException.downstream(call, e));
    }

    /**
     * The same for a stream: a failure before the first element is a 502 (the 200 is not out yet); after it, the
     * server can only cut the connection.
     */
    public static <T> Function<Flux<T>, Flux<T>> streamFailuresAs502(String call) {
        return flux -> flux.onErrorMap(e -> ProblemException.downstream(call, e));
    }
}
