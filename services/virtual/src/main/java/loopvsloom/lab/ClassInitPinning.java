package loopvsloom.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Lab 7: runs SlowStaticInitializer's static initializer on the calling thread, in a class loader of its own each
 * time. A virtual thread that waits inside a class initializer stays pinned to its carrier, even on JDK 25.
 */
public final class ClassInitPinning {

    /** How long the initializer waits; public, since the class it reads it from lives in another class loader. */
    public static final ThreadLocal<Integer> WAIT_MS = ThreadLocal.withInitial(() -> 0);

    private static final String SLOW = SlowStaticInitializer.class.getName();
    private static final byte[] SLOW_BYTES = bytesOf(SlowStaticInitializer.class);

    private ClassInitPinning() {
    }

    static void initializeSlowly(int millis) {
        WAIT_MS.set(millis);
        try {
            Class.forName(SLOW, true, new FreshLoader(ClassInitPinning.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        } finally {
            WAIT_MS.remove();
        }
    }

    private static byte[] bytesOf(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IllegalStateException("no class file for " + type.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines the slow class itself (so its initializer runs again) and leaves every other class to its parent. */
    private static final class FreshLoader extends ClassLoader {

        FreshLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(SLOW)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, SLOW_BYTES, 0, SLOW_BYTES.length);
            }
        }
    }
}
