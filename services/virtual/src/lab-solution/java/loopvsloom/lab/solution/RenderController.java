package loopvsloom.lab.solution;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import loopvsloom.backend.Requests;
import loopvsloom.cpu.CpuWork;
import loopvsloom.geofence.ZoneSet;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.web.ServedBy;

/**
 * Lab 4's reference solution: the render runs on a small pool of platform threads, which the OS time-slices with
 * the carriers; the request's virtual thread parks on the result and leaves its carrier to cheap requests.
 */
@Requires(env = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
@ExecuteOn(Requests.EXECUTOR)
class RenderController {

    private final ZoneSet zones;
    private final ServedBy servedBy;
    // One platform thread per core: CPU work gains nothing from more, and the OS shares the cores fairly.
    private final ExecutorService cpu = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("render-", 0).daemon().factory());

    RenderController(ZoneSet zones, ServedBy servedBy) {
        this.zones = zones;
        this.servedBy = servedBy;
    }

    @Get("/render")
    HttpResponse<CpuWork.CpuAnswer> render(@Nullable @QueryValue String work) throws Exception {
        int units = CpuWork.parseWork(work);
        // tag::solution[]
        CpuWork.CpuAnswer answer;
        try {
            answer = cpu.submit(() -> CpuWork.run(zones, units)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
        // end::solution[]
        return HttpResponse.ok(answer).header(ServedBy.HEADER, servedBy.here());
    }

    @PreDestroy
    void stop() {
        cpu.shutdownNow();
    }
}
