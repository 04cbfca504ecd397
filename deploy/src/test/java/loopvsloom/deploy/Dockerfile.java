package loopvsloom.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Dockerfile as instructions per stage (continuation lines joined, comments dropped), and its ARG defaults: the
 * root one, whose every stage is named, or an app's own (go, node), whose unnamed stages are called by their index.
 */
record Dockerfile(Map<String, String> globalArgs, Map<String, Stage> stagesByName) {

    /** One instruction: keyword (upper case) and the rest of the line. */
    record Instruction(String keyword, String arguments) {
    }

    /** A build stage: its base and its instructions. */
    record Stage(String name, String from, List<Instruction> instructions) {

        List<String> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
        }

        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            all("ENV").forEach(line -> env.putAll(pairs(line)));
            return env;
        }
    }

    List<String> stages() {
        return List.copyOf(stagesByName.keySet());
    }

    Stage stage(String name) {
        Stage stage = stagesByName.get(name);
        if (stage == null) {
            throw new AssertionError("Dockerfile has no stage " + name + " (stages: " + stages() + ")");
        }
        return stage;
    }

    /** The stage's ENV after its base stages' ENV, as the image would have it. */
    Map<String, String> effectiveEnv(String name) {
        Stage stage = stage(name);
        Map<String, String> env = new LinkedHashMap<>();
        if (stagesByName.containsKey(stage.from())) {
            env.putAll(effectiveEnv(stage.from()));
        }
        env.putAll(stage.env());
        return env;
    }

    /** The instruction that last set {@code keyword} in the stage or its base stages. */
    String effective(String name, String keyword) {
        Stage stage = stage(name);
        List<String> own = stage.all(keyword);
        if (!own.isEmpty()) {
            return own.get(own.size() - 1);
        }
        return stagesByName.containsKey(stage.from()) ? effective(stage.from(), keyword) : null;
    }

    /** The stage the image is: the last one. */
    Stage image() {
        return stagesByName.values().stream().reduce((a, b) -> b).orElseThrow();
    }

    static Dockerfile read() {
        return read("Dockerfile", true);
    }

    /** An app's own Dockerfile (a path from the repository's root). */
    static Dockerfile readOwn(String path) {
        return read(path, false);
    }

    private static Dockerfile read(String path, boolean named) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Repo.read(path).split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") && current.isEmpty() || line.isEmpty() && current.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            lines.add(current.toString().strip());
            current.setLength(0);
        }
        Map<String, String> args = new LinkedHashMap<>();
        Map<String, Stage> stages = new LinkedHashMap<>();
        Stage stage = null;
        for (String line : lines) {
            String[] parts = line.split("\\s+", 2);
            String keyword = parts[0].toUpperCase();
            String rest = parts.length > 1 ? parts[1] : "";
            if (keyword.equals("FROM")) {
                String[] from = rest.split("\\s+");
                boolean hasName = from.length == 3 && from[1].equalsIgnoreCase("AS");
                if (named && !hasName) {
                    throw new AssertionError("every FROM names its stage: " + line);
                }
                String name = hasName ? from[2] : String.valueOf(stages.size());
                stage = new Stage(name, from[0], new ArrayList<>());
                stages.put(name, stage);
            } else if (stage == null) {
                if (keyword.equals("ARG")) {
                    String[] kv = rest.split("=", 2);
                    args.put(kv[0], kv.length > 1 ? kv[1] : null);
                }
            } else {
                stage.instructions().add(new Instruction(keyword, rest));
            }
        }
        return new Dockerfile(args, stages);
    }

    /** {@code ENV A=1 B="x y"} as a map. */
    static Map<String, String> pairs(String line) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = line.substring(i, eq);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            while (i < line.length() && (quoted || !Character.isWhitespace(line.charAt(i)))) {
                char c = line.charAt(i++);
                if (c == '"') {
                    quoted = !quoted;
                } else {
                    value.append(c);
                }
            }
            pairs.put(key, value.toString());
        }
        return pairs;
    }
}
