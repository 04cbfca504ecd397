package loopvsloom.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The apps and styles as apps.conf lists them, in its order (./demo starts them in that order; the report shows
 * the styles in it). The one home of their names and ports for Java: nothing else keeps a list of styles.
 */
public final class Apps {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    private static final Set<String> ROLES = Set.of(App.STYLE, "backend", "gateway");
    private static final List<App> ALL = parse(resource());

    private Apps() {
    }

    /** Every app, in apps.conf's order. */
    public static List<App> all() {
        return ALL;
    }

    /** The styles the harness compares, in apps.conf's order. */
    public static List<App> styles() {
        return ALL.stream().filter(App::isStyle).toList();
    }

    public static List<String> styleNames() {
        return styles().stream().map(App::name).toList();
    }

    /** The app of that name; an error naming the known ones otherwise. */
    public static App named(String name) {
        return ALL.stream().filter(app -> app.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no app named " + name + " in apps.conf (known: "
                        + ALL.stream().map(App::name).toList() + ")"));
    }

    /** The style of that name; an error naming the known styles otherwise. */
    public static App style(String name) {
        App app = ALL.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        if (app == null || !app.isStyle()) {
            throw new IllegalArgumentException("unknown style " + name + " (known: " + styleNames() + ")");
        }
        return app;
    }

    /** The one app of a role that has only one (gateway, backend). */
    public static App only(String role) {
        List<App> found = ALL.stream().filter(app -> app.role().equals(role)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("apps.conf has " + found.size() + " apps of role " + role + ", not one");
        }
        return found.getFirst();
    }

    public static App gateway() {
        return only("gateway");
    }

    public static App downstream() {
        return only("backend");
    }

    /** apps.conf's lines: blank lines and {@code #} comments skipped, seven columns, the last one the rest. */
    static List<App> parse(String text) {
        List<App> apps = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        int number = 0;
        for (String raw : text.lines().toList()) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\s+", 7);
            if (cells.length < 7) {
                throw problem(number, "7 columns (name role port management thread colour start), got: " + line);
            }
            String name = cells[0];
            if (!NAME.matcher(name).matches() || !names.add(name)) {
                throw problem(number, "a new name of lower-case letters, digits and dashes: " + name);
            }
            if (!ROLES.contains(cells[1])) {
                throw problem(number, "a role of " + ROLES + ": " + cells[1]);
            }
            int port = port(cells[2], number);
            int management = cells[3].equals("-") ? 0 : port(cells[3], number);
            if (!ports.add(port) || management != 0 && !ports.add(management)) {
                throw problem(number, "ports no other app uses: " + line);
            }
            boolean style = cells[1].equals(App.STYLE);
            String thread = cells[4].equals("-") ? null : cells[4];
            String colour = cells[5].equals("-") ? null : cells[5];
            if (style && (thread == null || colour == null || !COLOUR.matcher(colour).matches())) {
                throw problem(number, "a style needs its thread kind and a colour #rrggbb: " + line);
            }
            apps.add(new App(name, cells[1], port, management, thread, colour, List.of(cells[6].split("\\s+"))));
        }
        return List.copyOf(apps);
    }

    private static int port(String text, int line) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw problem(line, "a port from 1 to 65535: " + text);
    }

    private static IllegalStateException problem(int line, String expected) {
        return new IllegalStateException("apps.conf line " + line + ": expected " + expected);
    }

    private static String resource() {
        try (InputStream in = Apps.class.getResourceAsStream("/apps.conf")) {
            if (in == null) {
                throw new IllegalStateException("apps.conf is not on the classpath (it ships in the apps module's jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
