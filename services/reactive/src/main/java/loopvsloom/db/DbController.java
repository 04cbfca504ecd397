package loopvsloom.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.util.List;
import loopvsloom.web.ServedBy;
import reactor.core.publisher.Mono;

/** The database knob: one query that sleeps in PostgreSQL; the event loop is free while it waits. */
@Controller
class DbController {

    private final Database database;
    private final ServedBy servedBy;

    DbController(Database database, ServedBy servedBy) {
        this.database = database;
        this.servedBy = servedBy;
    }

    @Get("/db")
    Mono<HttpResponse<DbWait>> db(@Nullable @QueryValue String ms) {
        int wait = DbWait.parseMs(ms);
        String here = servedBy.here();
        return database.query(DbWait.SLEEP, List.of(wait), row -> new DbWait(wait, row.get("backend_pid", Integer.class)))
                .single()
                .map(answer -> HttpResponse.ok(answer).header(ServedBy.HEADER, here));
    }
}
