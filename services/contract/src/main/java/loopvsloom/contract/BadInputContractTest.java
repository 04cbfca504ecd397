package loopvsloom.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets the same 400 problem+json, naming the parameter, in every style: never a 500 or a stack trace. */
class BadInputContractTest {

    private final URI base = ContractTarget.current().baseUrl();

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("/quote?qty=1", "sku"),
                Arguments.of("/quote?sku=&qty=1", "sku"),
                Arguments.of("/quote?sku=%3Cscript%3E&qty=1", "sku"),
                Arguments.of("/quote?sku=" + "A".repeat(200) + "&qty=1", "sku"),
                Arguments.of("/quote?sku=A", "qty"),
                Arguments.of("/quote?sku=A&qty=abc", "qty"),
                Arguments.of("/quote?sku=A&qty=-1", "qty"),
                Arguments.of("/quote?sku=A&qty=0", "qty"),
                Arguments.of("/quote?sku=A&qty=99999999999999999999", "qty"),
                Arguments.of("/quote?sku=A&qty=1&deadlineMs=0", "deadlineMs"),
                Arguments.of("/quote?sku=A&qty=1&deadlineMs=1e3", "deadlineMs"),
                Arguments.of("/geofence?lon=13.4", "lat"),
                Arguments.of("/geofence?lat=north&lon=13.4", "lat"),
                Arguments.of("/geofence?lat=91&lon=13.4", "lat"),
                Arguments.of("/geofence?lat=52.5&lon=1e400", "lon"),
                Arguments.of("/geofence?lat=52.5&lon=NaN", "lon"),
                Arguments.of("/cpu", "work"),
                Arguments.of("/cpu?work=-5", "work"),
                Arguments.of("/cpu?work=100000000", "work"),
                Arguments.of("/io", "ms"),
                Arguments.of("/io?ms=soon", "ms"),
                Arguments.of("/io?ms=-1", "ms"),
                Arguments.of("/io?ms=3600000", "ms"),
                Arguments.of("/stream?count=0", "count"),
                Arguments.of("/stream?count=lots", "count"),
                Arguments.of("/stream?count=1000001", "count"),
                Arguments.of("/stream?intervalMs=-1", "intervalMs"));
    }

    @ParameterizedTest(name = "{0} names {1}")
    @MethodSource("badRequests")
    void badQueryParameterIs400NamingIt(String path, String parameter) {
        assertProblem(Http.get(base, path), 400, parameter);
    }

    @ParameterizedTest(name = "{0} with a bad {1} header")
    @MethodSource("badHeaders")
    void badKnobHeaderIs400NamingIt(String path, String header, String value) {
        assertProblem(Http.get(base, path, header, value), 400, header);
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.of("/quote?sku=A&qty=1", "X-Latency-Ms", "slow"),
                Arguments.of("/quote?sku=A&qty=1", "X-Latency-Ms", "-10"),
                Arguments.of("/quote?sku=A&qty=1", "X-Latency-Ms", "86400000"),
                Arguments.of("/quote?sku=A&qty=1", "X-Failure-Rate", "2"),
                Arguments.of("/io?ms=1", "X-Failure-Rate", "often"),
                Arguments.of("/stream?count=1", "X-Latency-Ms", "x"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("wrongRequests")
    void wrongMethodOrPathIsA4xxProblem(String method, String path, int status) {
        Http.Answer answer = Http.send(HttpRequest.newBuilder(Http.at(base, path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(answer, status, null);
    }

    static Stream<Arguments> wrongRequests() {
        return Stream.of(
                Arguments.of("POST", "/quote?sku=A&qty=1", 405),
                Arguments.of("DELETE", "/cpu?work=1", 405),
                Arguments.of("GET", "/no-such-endpoint", 404));
    }

    private static void assertProblem(Http.Answer answer, int status, String parameter) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        if (parameter != null) {
            assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
            assertThat(problem.get("detail").asText()).startsWith(parameter + ":");
        }
        assertThat(answer.body()).doesNotContain("Exception", "\tat ", "loopvsloom.", "<script>");
    }
}
