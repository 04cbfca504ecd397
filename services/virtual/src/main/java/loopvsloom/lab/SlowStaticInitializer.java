package loopvsloom.lab;

/**
 * A class whose static initializer waits (as one that reads a file or calls a service would). ClassInitPinning
 * defines it afresh in a new class loader each time, so the initializer runs on every request, not once.
 */
public final class SlowStaticInitializer {

    static {
        try {
            // tag::class-init[]
            Thread.sleep(ClassInitPinning.WAIT_MS.get()); // pinned: a class initializer cannot unmount
            // end::class-init[]
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SlowStaticInitializer() {
    }
}
