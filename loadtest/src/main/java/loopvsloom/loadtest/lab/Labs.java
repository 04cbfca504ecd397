package loopvsloom.loadtest.lab;

import java.util.List;

/** Every lab of docs/workshop, in the order of the workshop. */
public final class Labs {

    private static final List<Lab> ALL = List.of(new TwoStylesOneContract(), new WaitingOnIo(),
            new BlockingTheEventLoop(), new CpuBesideCheapRequests(), new FanOutDeadlinesCancellation(),
            new UnboundedConcurrency(), new Pinning(), new OneLoopAndLoomCarrier(),
            new VirtualThreadsAreNotGoroutines(), new PoolIsTheLimit());

    private Labs() {
    }

    public static List<Lab> all() {
        return ALL;
    }

    /** The lab with this number, or a message listing the numbers there are. */
    public static Lab number(int number) {
        return ALL.stream().filter(l -> l.number() == number).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no lab " + number + "; there are " + ALL.stream()
                        .map(l -> Integer.toString(l.number())).toList() + " (./demo lab list)"));
    }
}
