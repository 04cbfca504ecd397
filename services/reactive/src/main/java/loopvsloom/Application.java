package loopvsloom;

import io.micronaut.runtime.Micronaut;

/** The reactive style: every handler returns a Mono or Flux and runs on a Netty event loop. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
