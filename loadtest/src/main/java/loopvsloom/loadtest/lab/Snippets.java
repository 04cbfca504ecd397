package loopvsloom.loadtest.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Code in the workshop's READMEs comes from the compiled sources, never pasted: a README marks a block with
 * {@code <!-- code: path/File.java#region -->} … {@code <!-- /code -->}, and the source marks the region with
 * {@code // tag::region[]} … {@code // end::region[]} (Asciidoctor's convention, as in micronaut-guides). A lab's
 * claims are shown the same way: {@code <!-- claims: N -->} (its quick form) or {@code <!-- claims: N check -->} (its
 * exercise's check) … {@code <!-- /claims -->} holds the table of {@link ClaimsTable}, and {@code <!-- labs -->} …
 * {@code <!-- /labs -->} the guide's list of every lab with its bounds. This finds every block whose copy differs from
 * its source, and with --write puts the source's text in.
 */
public final class Snippets {

    public static final Path DOCS = Path.of("docs", "workshop");

    private static final Pattern BLOCK = Pattern.compile(
            "<!-- code: (?<source>[^#\\s]+)(?:#(?<region>[\\w-]+))? -->\\n```(?<lang>\\w*)\\n(?<body>.*?)```\\n"
                    + "<!-- /code -->", Pattern.DOTALL);
    private static final Pattern CLAIMS = Pattern.compile(
            "<!-- claims: (?<source>\\d+(?: check)?) -->\\n(?<body>.*?)<!-- /claims -->", Pattern.DOTALL);
    private static final Pattern LABS = Pattern.compile(
            "<!-- (?<source>labs) -->\\n(?<body>.*?)<!-- /labs -->", Pattern.DOTALL);
    private static final Pattern MARKER =
            Pattern.compile("^\\s*(?://|#|<!--)\\s*(?:tag|end)::[\\w-]+\\[\\]\\s*(?:-->)?\\s*$");

    /** A README block whose copy is not what its source says now. */
    public record Drift(Path readme, int line, String source, String problem) {

        @Override
        public String toString() {
            return readme + ":" + line + ": " + source + ": " + problem;
        }
    }

    private Snippets() {
    }

    /** Prints every drifted block (or rewrites it with --write) and returns whether all copies match now. */
    public static boolean run(Path root, boolean write, PrintStream out) {
        List<Drift> drifts = drift(root, write);
        drifts.forEach(d -> out.println((write && d.problem().equals(CHANGED) ? "updated " : "DRIFT ") + d));
        boolean clean = drifts.stream().allMatch(d -> write && d.problem().equals(CHANGED));
        out.println(clean ? "snippets: every README's code matches its source"
                : "snippets: run ./demo lab snippets --write to copy the sources into the READMEs");
        return clean;
    }

    static final String CHANGED = "differs from the source";

    /** Every block under docs/workshop whose copy differs from its source; {@code write} rewrites those copies. */
    public static List<Drift> drift(Path root, boolean write) {
        List<Drift> drifts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve(DOCS))) {
            for (Path readme : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(readme, StandardCharsets.UTF_8);
                String updated = copy(root, readme, copy(root, readme, text, BLOCK, m -> code(root, m), drifts), CLAIMS,
                        m -> ClaimsTable.of(m.group("source")), drifts);
                updated = copy(root, readme, updated, LABS, m -> ClaimsTable.labs(), drifts);
                if (write && !updated.equals(text)) {
                    Files.writeString(readme, updated, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return drifts;
    }

    /** What a block of one kind should hold now, from the match of its opening line; or a reason it cannot be made. */
    private interface Source {
        String body(Matcher block);
    }

    /** The text with every block of this kind holding what its source says now; each one that differed noted. */
    private static String copy(Path root, Path readme, String text, Pattern kind, Source source, List<Drift> drifts) {
        StringBuilder updated = new StringBuilder();
        Matcher m = kind.matcher(text);
        int last = 0;
        while (m.find()) {
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            String name = m.group("source") + (kind == BLOCK && m.group("region") != null ? "#" + m.group("region")
                    : "");
            String body;
            try {
                body = source.body(m);
            } catch (IllegalArgumentException e) {
                drifts.add(new Drift(root.relativize(readme), line, name, e.getMessage()));
                continue;
            }
            if (!body.equals(m.group("body"))) {
                drifts.add(new Drift(root.relativize(readme), line, name, CHANGED));
            }
            updated.append(text, last, m.start("body")).append(body);
            last = m.end("body");
        }
        return updated.append(text.substring(last)).toString();
    }

    private static String code(Path root, Matcher block) {
        return region(root.resolve(block.group("source")), block.group("region"));
    }

    /**
     * The lines between a region's tag and end markers (other markers inside left out), shifted left by their common
     * indentation, each ending with a newline; the whole file without a region.
     */
    static String region(Path source, String region) {
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("no such source file");
        }
        List<String> picked = new ArrayList<>();
        boolean inside = region == null;
        boolean found = region == null;
        for (String line : lines) {
            String trimmed = line.strip();
            if (region != null && trimmed.matches("(?://|#|<!--)\\s*tag::" + Pattern.quote(region) + "\\[\\].*")) {
                inside = true;
                found = true;
                continue;
            }
            if (region != null && trimmed.matches("(?://|#|<!--)\\s*end::" + Pattern.quote(region) + "\\[\\].*")) {
                inside = false;
                continue;
            }
            if (inside && !MARKER.matcher(line).matches()) {
                picked.add(line);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no region '" + region + "' (// tag::" + region + "[] … // end::"
                    + region + "[])");
        }
        int indent = picked.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String line : picked) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
