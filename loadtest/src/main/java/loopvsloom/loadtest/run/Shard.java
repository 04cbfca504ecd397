package loopvsloom.loadtest.run;

import java.util.Arrays;
import loopvsloom.loadtest.engine.Model;
import loopvsloom.loadtest.result.Numbers;

/**
 * This process's part of every load when several harness processes share it ({@code --shard i/n}; their results are
 * merged afterwards): an open model's rate divided, a closed model's users dealt out, connection caps divided.
 *
 * @param index 1 to {@code count}
 */
public record Shard(int index, int count) {

    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard is i/n with 1 <= i <= n, e.g. 2/3; was " + index + "/" + count);
        }
    }

    /** {@code i/n}, or {@code job/n} for an indexed Kubernetes Job (i from JOB_COMPLETION_INDEX + 1). */
    public static Shard parse(String text) {
        if (text.startsWith("job/")) {
            String index = System.getenv("JOB_COMPLETION_INDEX");
            if (index == null) {
                throw new IllegalArgumentException("--shard job/n needs JOB_COMPLETION_INDEX (an indexed Job)");
            }
            text = (Integer.parseInt(index.trim()) + 1) + text.substring(3);
        }
        try {
            int[] parts = Arrays.stream(text.split("/")).mapToInt(Integer::parseInt).toArray();
            if (parts.length == 2) {
                return new Shard(parts[0], parts[1]);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--shard is i/n with 1 <= i <= n, e.g. 2/3; was " + text);
    }

    public boolean whole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** This process's part of a flow's load. */
    double share(Model model, double load) {
        if (count == 1) {
            return load;
        }
        if (model == Model.OPEN) {
            return load / count;
        }
        double users = Math.floor(load / count) + (index - 1 < load % count ? 1 : 0);
        if (users < 1) {
            throw new IllegalArgumentException("a closed step of " + Numbers.load(load) + " users cannot be split over "
                    + count + " processes");
        }
        return users;
    }

    /** This process's part of a connection cap. */
    int connections(int max) {
        return Math.max(1, max / count);
    }
}
