package loopvsloom.gateway;

import io.micronaut.runtime.Micronaut;

/** Starts the gateway: one event-loop server in front of every style, so a load test has a single address. */
final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
