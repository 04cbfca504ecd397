package loopvsloom;

import io.micronaut.runtime.Micronaut;

/**
 * The blocking style: every handler is plain sequential code on its own virtual thread (or, in platform mode, on a
 * thread of a fixed pool of platform threads).
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
