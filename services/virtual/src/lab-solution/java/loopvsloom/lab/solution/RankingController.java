package loopvsloom.lab.solution;

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

/** Lab 7's reference solution: wait for the data first (unpinned), then sort with a comparator that only reads. */
@Requires(env = LabEnvironments.SOLUTION)
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
        // tag::solution[]
        int[] available = new int[SKUS.length];
        for (int i = 0; i < SKUS.length; i++) {
            available[i] = downstream.inventory(SKUS[i], new Knobs(latency, null)).available();
        }
        int[] order = NativeSort.sort(new int[] {0, 1, 2}, (a, b) -> Integer.compare(available[b], available[a]));
        // end::solution[]
        return HttpResponse.ok(new Ranking(Arrays.stream(order).mapToObj(i -> SKUS[i]).toList()))
                .header(ServedBy.HEADER, servedBy.here());
    }
}
