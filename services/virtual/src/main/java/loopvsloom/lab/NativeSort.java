package loopvsloom.lab;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.IntBinaryOperator;

/**
 * Lab 7: sorts ints with the C library's qsort (through the FFM API), which calls back into Java for every
 * comparison. While a comparison runs, a native frame sits on the thread's stack: a virtual thread that waits there
 * cannot unmount and pins its carrier. Needs --enable-native-access=ALL-UNNAMED (else the JDK warns once).
 */
public final class NativeSort {

    private static final Linker LINKER = Linker.nativeLinker();
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final MethodHandle QSORT = LINKER.downcallHandle(
            LINKER.defaultLookup().find("qsort").orElseThrow(),
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.ADDRESS));
    private static final FunctionDescriptor COMPARATOR = FunctionDescriptor.of(INT,
            ValueLayout.ADDRESS.withTargetLayout(INT), ValueLayout.ADDRESS.withTargetLayout(INT));
    private static final MethodHandle COMPARE;

    static {
        try {
            COMPARE = MethodHandles.lookup().findStatic(NativeSort.class, "compare",
                    MethodType.methodType(int.class, Comparison.class, MemorySegment.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private NativeSort() {
    }

    /**
     * The values in the comparator's order. A comparator that throws does not reach native code (that would end the
     * JVM): the first failure is kept, the sort finishes, and the failure is thrown here.
     */
    public static int[] sort(int[] values, IntBinaryOperator comparator) {
        Comparison comparison = new Comparison(comparator);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment array = arena.allocateFrom(INT, values);
            MemorySegment callback = LINKER.upcallStub(COMPARE.bindTo(comparison), COMPARATOR, arena);
            QSORT.invokeExact(array, (long) values.length, INT.byteSize(), callback);
            if (comparison.failure != null) {
                throw comparison.failure;
            }
            return array.toArray(INT);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thread.sleep for use inside a comparator, which may not throw a checked exception. */
    public static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int compare(Comparison comparison, MemorySegment a, MemorySegment b) {
        if (comparison.failure != null) {
            return 0;
        }
        try {
            return comparison.comparator.applyAsInt(a.get(INT, 0), b.get(INT, 0));
        } catch (RuntimeException | Error e) {
            comparison.failure = e;
            return 0;
        }
    }

    private static final class Comparison {

        final IntBinaryOperator comparator;
        Throwable failure;

        Comparison(IntBinaryOperator comparator) {
            this.comparator = comparator;
        }
    }
}
