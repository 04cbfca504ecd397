# apps.conf for bash (./demo, reliability/): source it with $root set to the repository, then call these.

# The project's version, from the root pom: the jars are named after it.
project_version() {
  sed -n '/<artifactId>loop-vs-loom<\/artifactId>/,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml"
}

# apps.conf's app lines, in its order (comments and blank lines left out).
apps_lines() { grep -Ev '^[[:space:]]*(#|$)' "$root/apps/apps.conf"; }

# app_field LINE N: column N (1-based) of an app line: 1 name, 2 role, 3 port, 4 management, 5 thread, 6 colour,
# 7 recipe, 8... the recipe's arguments.
app_field() {
  local fields
  read -ra fields <<<"$1"
  echo "${fields[$(($2 - 1))]:-}"
}

# app_line NAME: that app's line; fails when apps.conf has no such app.
app_line() {
  local line
  while read -r line; do
    [ "$(app_field "$line" 1)" = "$1" ] && { echo "$line"; return 0; }
  done < <(apps_lines)
  return 1
}

# style_names [RECIPE]: the styles' names, in apps.conf's order; with a recipe (jar, go, node), only the styles it starts.
style_names() {
  local line
  while read -r line; do
    if [ "$(app_field "$line" 2)" = style ] && { [ -z "${1:-}" ] || [ "$(app_field "$line" 7)" = "$1" ]; }; then
      app_field "$line" 1
    fi
  done < <(apps_lines)
}

# jar_of MODULE: the jar of a jar-recipe app's module (relative to $root), named after the module's folder.
jar_of() { echo "$1/target/$(basename "$1")-$(project_version).jar"; }
