package loopvsloom.gateway;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.http.context.event.HttpRequestTerminatedEvent;
import jakarta.inject.Singleton;

/**
 * Ends an {@link Exchange} when Micronaut is done with its request: after the last byte of the response was written,
 * or when the client went away and the response was discarded. Hooking the request's end rather than the proxy
 * publisher keeps a streamed response counted as in flight for as long as it streams.
 */
@Singleton
final class ExchangeEnd implements ApplicationEventListener<HttpRequestTerminatedEvent> {

    @Override
    public void onApplicationEvent(HttpRequestTerminatedEvent event) {
        if (event.getSource().getAttribute(Exchange.ATTRIBUTE).orElse(null) instanceof Exchange exchange) {
            exchange.end();
        }
    }
}
