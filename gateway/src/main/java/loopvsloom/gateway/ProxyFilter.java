package loopvsloom.gateway;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The gateway itself: forwards {@code /<route>/**} to the route's upstream through Micronaut's non-blocking
 * {@link ProxyHttpClient}. No thread ever waits: the event loop hands the request to the client and moves on, the
 * response (headers first, then the body chunk by chunk) flows back as a publisher, and the per-route timeout is a
 * timer racing the answer ({@link Deadline}) instead of a thread that sleeps.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class ProxyFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyFilter.class);
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final List<String> HOP_BY_HOP = List.of(
            HttpHeaders.CONNECTION, "Keep-Alive", "Proxy-Connection", HttpHeaders.UPGRADE);

    private final ProxyHttpClient client;
    private final Routes routes;
    private final Problems problems;
    private final BeanProvider<EmbeddedServer> server;
    private volatile int mainPort;

    ProxyFilter(ProxyHttpClient client, Routes routes, Problems problems, BeanProvider<EmbeddedServer> server) {
        this.client = client;
        this.routes = routes;
        this.problems = problems;
        this.server = server;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!onMainPort(request)) {
            return chain.proceed(request);
        }
        String requestId = RequestIds.acceptOrCreate(request.getHeaders().get(RequestIds.HEADER));
        URI uri = request.getUri();
        String rawPath = uri.getRawPath();
        if (isOdd(rawPath)) {
            // Dot segments, doubled, encoded or back slashes: never proxied, so a route prefix is no way out of its
            // route whatever the upstream would make of the path (FrontDoorTest).
            return Publishers.just(withId(problems.response(request, HttpStatus.BAD_REQUEST,
                    "path: dot segments and doubled, encoded or back slashes are not allowed", null), requestId));
        }
        Route route = routes.match(rawPath);
        if (route == null) {
            return Publishers.map(chain.proceed(request), response -> withId(response, requestId));
        }
        if (!route.tryEnter()) {
            route.meters().rejectedOverload();
            MutableHttpResponse<?> busy = problems.response(request, HttpStatus.SERVICE_UNAVAILABLE,
                    "route " + route.name() + " already has " + route.maxInFlight() + " requests in flight",
                    null);
            busy.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            return Publishers.just(withId(busy, requestId));
        }
        Exchange exchange = new Exchange(route, requestId, request.getMethodName(), rawPath);
        request.setAttribute(Exchange.ATTRIBUTE, exchange);

        MutableHttpRequest<?> upstream = request.mutate().uri(route.upstreamUri(route.strip(rawPath), uri.getRawQuery()));
        withoutHopByHop(upstream.getHeaders()).set(RequestIds.HEADER, requestId);
        return Deadline.within(client.proxy(upstream), route.timeout(), timers(request))
                .<MutableHttpResponse<?>>map(response -> {
                    route.meters().upstreamLatency(response.code(), exchange.elapsedNanos());
                    exchange.status(response.code());
                    withoutHopByHop(response.getHeaders());
                    return withId(response, requestId);
                })
                .onErrorResume(error -> Mono.just(withId(failed(request, route, exchange, error), requestId)));
    }

    static boolean isOdd(String rawPath) {
        if (rawPath.isEmpty() || rawPath.contains("//") || rawPath.indexOf('\\') >= 0) {
            return true;
        }
        String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%00")) {
            return true;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private MutableHttpResponse<?> failed(HttpRequest<?> request, Route route, Exchange exchange, Throwable error) {
        String reason = reason(error);
        if (LOG.isDebugEnabled()) {
            LOG.debug("route {}: upstream call failed ({})", route.name(), reason, error);
        }
        HttpStatus status = GatewayMetrics.REASON_TIMEOUT.equals(reason)
                ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
        String detail = switch (reason) {
            case GatewayMetrics.REASON_TIMEOUT -> "route " + route.name() + ": no response from upstream within "
                    + route.timeout().toMillis() + " ms";
            case GatewayMetrics.REASON_CONNECT -> "route " + route.name() + ": upstream unreachable";
            default -> "route " + route.name() + ": upstream connection failed before a response";
        };
        route.meters().upstreamError(reason);
        route.meters().upstreamLatency(status.getCode(), exchange.elapsedNanos());
        exchange.status(status.getCode());
        return problems.response(request, status, detail, error);
    }

    static String reason(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof TimeoutException
                    || t instanceof io.micronaut.http.client.exceptions.ReadTimeoutException
                    || t instanceof io.netty.handler.timeout.ReadTimeoutException) {
                return GatewayMetrics.REASON_TIMEOUT;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return GatewayMetrics.REASON_CONNECT;
            }
        }
        return GatewayMetrics.REASON_OTHER;
    }

    /**
     * Connection management belongs to each hop: a client's {@code Connection: close} must not close the pooled
     * upstream connection, nor an upstream's close the client's connection.
     */
    private static MutableHttpHeaders withoutHopByHop(MutableHttpHeaders headers) {
        for (String name : HOP_BY_HOP) {
            headers.remove(name);
        }
        return headers;
    }

    private static MutableHttpResponse<?> withId(MutableHttpResponse<?> response, String requestId) {
        response.getHeaders().set(RequestIds.HEADER, requestId);
        return response;
    }

    /**
     * The request's own event loop, for its deadline timer: arming and disarming a timer there takes no lock, and
     * with the client's default connection locality (PREFERRED) the upstream answer arrives on the same loop.
     */
    private static ScheduledExecutorService timers(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty) {
            return netty.getChannelHandlerContext().channel().eventLoop();
        }
        return io.netty.util.concurrent.GlobalEventExecutor.INSTANCE;
    }

    /** Requests on the management port are never proxied; there only Micronaut's endpoints answer. */
    private boolean onMainPort(HttpRequest<?> request) {
        int port = mainPort;
        if (port == 0) {
            port = server.get().getPort();
            mainPort = port;
        }
        return request.getServerAddress().getPort() == port;
    }
}
