package loopvsloom.lab;

/**
 * The Micronaut environments that switch on the workshop's code (docs/workshop): its broken variants and exercises
 * exist only in a process started with them, never in the default stack or under the contract suite.
 */
public final class LabEnvironments {

    /** Pitfalls and exercise starters: {@code MICRONAUT_ENVIRONMENTS=lab}. */
    public static final String LAB = "lab";
    /** With {@link #LAB}: the reference solutions answer instead of the exercise starters. */
    public static final String SOLUTION = "lab-solution";

    private LabEnvironments() {
    }
}
