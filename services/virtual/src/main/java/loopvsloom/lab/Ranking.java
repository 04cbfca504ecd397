package loopvsloom.lab;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Lab 7's answer: skus, most units on hand first. */
@Serdeable
public record Ranking(List<String> skus) {
}
