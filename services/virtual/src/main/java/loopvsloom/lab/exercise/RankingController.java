package loopvsloom.lab.exercise;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;
import loopvsloom.backend.DownstreamClient;
import loopvsloom.backend.Requests;
import loopvsloom.lab.LabEnvironments;
import loopvsloom.lab.NativeSort;
import loopvsloom.lab.Ranking;
import loopvsloom.params.Limits;
import loopvsloom.params.Params;
import loopvsloom.web.Knobs;
import loopvsloom.web.ServedBy;

/**
 * Lab 7's exercise: three skus ranked by units on hand with the C library's sort. Check with ./demo lab 7 --check;
 * the reference answer is in src/lab-solution (loopvsloom.lab.solution).
 */
@Requires(env = LabEnvironments.LAB)
@Requires(notEnv = LabEnvironments.SOLUTION)
@Controller("/lab/exercise")
@ExecuteOn(Requests.EXECUTOR)
class RankingController {

    static final String[] SKUS = {"SKU-1", "SKU-2", "SKU-3"};

    private final DownstreamClient downstream;
    private final ServedBy servedBy;

    RankingController(DownstreamClient downstream, ServedBy servedBy) {
        this.downstream = downstream;
        this.servedBy = servedBy;
    }

    @Get("/ranking")
    HttpResponse<Ranking> ranking(@Nullable @QueryValue String ms) {
        String latency = Integer.toString(Params.intIn("ms", ms, 0, Limits.MAX_LATENCY_MS, 30));
        // tag::exercise[]
        // EXERCISE (lab 7): qsort calls this comparator from native code, and the comparator waits on downstream:
        // each of those waits pins the virtual thread to its carrier. Rank the same way, pinned for no wait.
        int[] order = NativeSort.sort(new int[] {0, 1, 2}, (a, b) -> Integer.compare(
                downstream.inventory(SKUS[b], new Knobs(latency, null)).available(),
                downstream.inventory(SKUS[a], new Knobs(latency, null)).available()));
        // END EXERCISE
        // end::exercise[]
        return HttpResponse.ok(new Ranking(Arrays.stream(order).mapToObj(i -> SKUS[i]).toList()))
                .header(ServedBy.HEADER, servedBy.here());
    }
}
