package loopvsloom.loadtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.report.HtmlReport;
import loopvsloom.loadtest.report.TerminalTable;
import loopvsloom.loadtest.result.Merge;
import loopvsloom.loadtest.result.Results;
import loopvsloom.loadtest.result.ResultsJson;
import loopvsloom.loadtest.result.ScenarioResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Joins the results of harness processes (or pods) that shared one load with --shard: histograms are added. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merges results.json files of processes that ran together with --shard i/n.")
final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RESULTS_JSON")
    List<Path> files;

    @Option(names = "--out", defaultValue = "report", description = "Folder for the merged index.html and"
            + " results.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--allow-misaligned", description = "Merge even files whose runs' windows do not line up (the"
            + " shards did not start together), and say so in the report; without it, merge refuses them.")
    boolean allowMisaligned;

    @Override
    public Integer call() throws Exception {
        List<Results> shards = new ArrayList<>();
        for (Path file : files) {
            shards.add(ResultsJson.read(file));
        }
        Results merged = Merge.merge(shards, allowMisaligned);
        MetricCatalog catalog = MetricCatalog.builtIn();
        for (ScenarioResult scenario : merged.scenarios()) {
            System.out.print(TerminalTable.render(scenario, catalog));
        }
        ResultsJson.write(merged, out.resolve("results.json"));
        HtmlReport.write(merged, catalog, out);
        System.out.println("\nMerged " + files.size() + " files into " + out.resolve("results.json") + " and "
                + out.resolve("index.html"));
        return 0;
    }
}
