package loopvsloom.loadtest;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import loopvsloom.loadtest.metrics.MetricCatalog;
import loopvsloom.loadtest.report.HtmlReport;
import loopvsloom.loadtest.report.TerminalTable;
import loopvsloom.loadtest.result.Results;
import loopvsloom.loadtest.result.ResultsJson;
import loopvsloom.loadtest.result.ScenarioResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Draws the table and the HTML report again from a results.json, without running anything. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Prints the tables and writes index.html from an existing results.json.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RESULTS_JSON")
    Path file;

    @Option(names = "--out", description = "Folder for index.html (default: the folder of RESULTS_JSON).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Results results = ResultsJson.read(file);
        MetricCatalog catalog = MetricCatalog.builtIn();
        for (ScenarioResult scenario : results.scenarios()) {
            System.out.print(TerminalTable.render(scenario, catalog));
        }
        Path folder = out != null ? out : file.toAbsolutePath().getParent();
        System.out.println("\nReport: " + HtmlReport.write(results, catalog, folder));
        return 0;
    }
}
