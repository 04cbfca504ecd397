package loopvsloom.lab;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import loopvsloom.backend.Requests;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.web.ServedBy;

/**
 * Lab 7, pinning on JDK 25: the same wait four ways. A plain sleep unmounts the virtual thread; inside
 * {@code synchronized} it no longer pins (JEP 491); inside a class initializer or under a native frame it still
 * holds its carrier for the whole wait, so throughput falls to carriers ÷ latency.
 */
@Requires(env = LabEnvironments.LAB)
@Controller("/lab/pin")
@ExecuteOn(Requests.EXECUTOR)
class PinningController {

    private final ServedBy servedBy;

    PinningController(ServedBy servedBy) {
        this.servedBy = servedBy;
    }

    @Get("/sleep")
    HttpResponse<Waited> sleep(@Nullable @QueryValue String ms) throws InterruptedException {
        int millis = Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, null);
        // tag::sleep[]
        Thread.sleep(millis); // <1>
        // end::sleep[]
        return answer(millis);
    }

    @Get("/synchronized")
    HttpResponse<Waited> inSynchronized(@Nullable @QueryValue String ms) throws InterruptedException {
        int millis = Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, null);
        // tag::synchronized[]
        Object lock = new Object();
        synchronized (lock) {
            Thread.sleep(millis); // <2>
        }
        // end::synchronized[]
        return answer(millis);
    }

    @Get("/class-init")
    HttpResponse<Waited> inClassInitializer(@Nullable @QueryValue String ms) {
        int millis = Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, null);
        ClassInitPinning.initializeSlowly(millis);
        return answer(millis);
    }

    @Get("/native-upcall")
    HttpResponse<Waited> inNativeUpcall(@Nullable @QueryValue String ms) {
        int millis = Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, null);
        // tag::native-upcall[]
        boolean[] slept = {false};
        NativeSort.sort(new int[] {2, 1}, (a, b) -> {
            if (!slept[0]) {
                slept[0] = true;
                NativeSort.sleep(millis); // <3>
            }
            return Integer.compare(a, b);
        });
        // end::native-upcall[]
        return answer(millis);
    }

    private HttpResponse<Waited> answer(int millis) {
        return HttpResponse.ok(new Waited(millis)).header(ServedBy.HEADER, servedBy.here());
    }
}
