package loopvsloom.loadtest.lab;

import java.util.List;

/**
 * A lab's claims as its README shows them (claim, expected, why), made from the lab's plan itself: the bounds live in
 * the lab's class alone, and {@link Snippets} keeps each README's copy equal to it.
 */
final class ClaimsTable {

    private ClaimsTable() {
    }

    /** The table for "N" (lab N's quick form, what a participant runs first) or "N check" (its exercise's check). */
    static String of(String which) {
        String[] parts = which.split(" ");
        Lab lab;
        try {
            lab = Labs.number(Integer.parseInt(parts[0]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        LabPlan plan = parts.length > 1 ? lab.check() : lab.plan(LabPlan.Mode.QUICK);
        return table(plan.expectations());
    }

    /**
     * The guide's list of the labs: each one's link, idea, and what its quick form checks with the bounds, from the
     * labs' classes as the READMEs' tables are.
     */
    static String labs() {
        StringBuilder out = new StringBuilder("| lab | effect | what `--quick` checks (expected) |\n|---|---|---|\n");
        for (Lab lab : Labs.all()) {
            String claims = lab.plan(LabPlan.Mode.QUICK).expectations().stream()
                    .map(e -> e.claim() + ": " + e.expected()).collect(java.util.stream.Collectors.joining("; "));
            out.append("| [").append(lab.number()).append("](").append(lab.folder()).append("/README.md) | ")
                    .append(cell(lab.title())).append(" | ").append(cell(claims)).append(" |\n");
        }
        return out.toString();
    }

    static String table(List<Expectation> expectations) {
        StringBuilder out = new StringBuilder("| claim | expected | why |\n|---|---|---|\n");
        for (Expectation e : expectations) {
            out.append("| ").append(cell(e.claim())).append(" | ").append(cell(e.expected())).append(" | ")
                    .append(cell(e.theory())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
