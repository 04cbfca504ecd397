package loopvsloom.lab;

import io.micronaut.serde.annotation.Serdeable;

/** What the lab's waiting endpoints answer: how long the request waited. */
@Serdeable
public record Waited(int waitedMs) {
}
