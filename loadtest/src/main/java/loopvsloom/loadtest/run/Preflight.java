package loopvsloom.loadtest.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import loopvsloom.loadtest.scenario.Scenario;

/** Before any load, every style answers the scenario's request once: a missing app fails fast, and clearly. */
final class Preflight {

    private Preflight() {
    }

    static void check(Scenario scenario, Targets targets, Plans plans) throws InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            for (String style : scenario.styles()) {
                String url = targets.baseUrl(style) + scenario.request().path();
                plans.target(url, Map.of());
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
                scenario.request().headers().forEach(request::header);
                try {
                    HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() >= 400) {
                        throw new IllegalStateException(style + " answered " + response.statusCode() + " to " + url);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(style + " is not answering at " + url + " (" + e.getClass()
                            .getSimpleName() + "). Start the apps with ./demo up.", e);
                }
            }
        }
    }
}
