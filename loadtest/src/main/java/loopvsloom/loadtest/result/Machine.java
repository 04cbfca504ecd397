package loopvsloom.loadtest.result;

/** Where the results were measured: the context a reader needs before trusting any number. */
public record Machine(int cores, String os, String java, String engine, int harnessThreads, int shards,
                      String shard) {
}
