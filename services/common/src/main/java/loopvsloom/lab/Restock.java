package loopvsloom.lab;

import io.micronaut.serde.annotation.Serdeable;

/** Lab 6's answer: how many skus were counted and their units on hand in total. */
@Serdeable
public record Restock(int skus, long available) {
}
