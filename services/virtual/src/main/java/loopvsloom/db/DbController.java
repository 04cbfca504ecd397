package loopvsloom.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import loopvsloom.backend.Requests;
import loopvsloom.web.ServedBy;

/** The database knob: one query that sleeps in PostgreSQL; the request's thread is parked while it waits. */
@Controller
@ExecuteOn(Requests.EXECUTOR)
class DbController {

    private final Database database;
    private final ServedBy servedBy;

    DbController(Database database, ServedBy servedBy) {
        this.database = database;
        this.servedBy = servedBy;
    }

    @Get("/db")
    HttpResponse<DbWait> db(@Nullable @QueryValue String ms) {
        int wait = DbWait.parseMs(ms);
        DbWait answer = database.query(DbWait.SLEEP, List.of(wait),
                row -> new DbWait(wait, row.getInt("backend_pid"))).getFirst();
        return HttpResponse.ok(answer).header(ServedBy.HEADER, servedBy.here());
    }
}
