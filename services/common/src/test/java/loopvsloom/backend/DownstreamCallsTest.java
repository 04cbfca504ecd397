package loopvsloom.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import loopvsloom.quote.Answers;
import loopvsloom.quote.WrongShapeException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The Java styles read a downstream answer's bytes as go and node do: domain's vectors (services/domain's
 * test-vectors.json, {@code answers}) through {@link DownstreamCalls#json} and then {@link Answers}.
 */
class DownstreamCallsTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Map<String, Function<Object, Object>> CALLS = Map.of("inventory", Answers::inventory,
            "price", Answers::price, "shipping", Answers::shipping);

    @Test
    void answersAreTakenOrRefusedAsDomainsVectorsSay() throws IOException {
        Map<?, ?> vectors = JSON.readValue(Files.readAllBytes(Path.of("../domain/test-vectors.json")),
                Argument.mapOf(String.class, Object.class));
        List<?> answers = (List<?>) vectors.get("answers");
        assertThat(answers).isNotEmpty();
        SoftAssertions soft = new SoftAssertions();
        for (Object vector : answers) {
            Map<?, ?> v = (Map<?, ?>) vector;
            byte[] body = v.containsKey("bodyBase64") ? Base64.getDecoder().decode((String) v.get("bodyBase64"))
                    : ((String) v.get("body")).getBytes(StandardCharsets.UTF_8);
            String what = v.get("call") + " " + (v.containsKey("body") ? v.get("body") : v.get("bodyBase64"));
            Object read;
            try {
                read = CALLS.get((String) v.get("call")).apply(DownstreamCalls.json(body));
            } catch (WrongShapeException wrong) {
                soft.assertThat(wrong.getMessage()).as(what).isEqualTo(v.get("error"));
                continue;
            }
            soft.assertThat(v.get("error")).as(what + " read as " + read).isNull();
            soft.assertThat(read).as(what)
                    .isEqualTo(JSON.readValue(JSON.writeValueAsBytes(v.get("answer")), Argument.of(read.getClass())));
        }
        soft.assertAll();
    }

    @Test
    void noBodyAtAllIsNotJson() {
        assertThat(catchThrowable(() -> DownstreamCalls.json(null)))
                .isInstanceOf(WrongShapeException.class).hasMessage(Answers.NOT_JSON);
    }
}
