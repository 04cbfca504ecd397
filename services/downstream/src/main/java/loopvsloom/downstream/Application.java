package loopvsloom.downstream;

import io.micronaut.runtime.Micronaut;

/** Starts the downstream backend. */
final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
