#!/usr/bin/env bash
# Checks .editorconfig's max_line_length in C# and Razor files (dotnet format does not). Files written before the limit
# was checked are listed in scripts/line-length.allowed with the long lines they had: such a file may have fewer, never
# more, and any other file none. `scripts/line-length.sh --update` rewrites the list after lines were shortened.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
limit=$(awk -F' *= *' '/^max_line_length/ {print $2; exit}' .editorconfig)
allowed=scripts/line-length.allowed
# Characters, not bytes: UTF-8 continuation bytes (σ, μ, −) are not counted.
chars='{ s = $0; gsub(/[\200-\277]/, "", s) } length(s)'
current=$(git ls-files -co --exclude-standard '*.cs' '*.razor' | while read -r f; do
  [ -f "$f" ] && awk -v F="$f" -v L="$limit" "$chars"' > L {n++} END {if (n) print F, n}' "$f"
done | sort)

if [ "${1:-}" = "--update" ]; then
  # Only ever lowers: a file's allowance is the smaller of the old and the current count.
  join -a2 -o 0,1.2,2.2 -e none <(sort "$allowed") <(echo "$current") \
    | awk '$2 != "none" { print $1, ($3 < $2 ? $3 : $2) }' > "$allowed.new"
  mv "$allowed.new" "$allowed"
  echo "line length: $(wc -l < "$allowed") files still allowed long lines"
  exit 0
fi

over=$(join -a1 -o 0,1.2,2.2 -e 0 <(echo "$current") <(sort "$allowed") | awk '$2 > $3')
if [ -n "$over" ]; then
  echo "$over" | while read -r file count allowance; do
    echo "  $file: $count lines longer than $limit characters (allowed $allowance)"
    awk -v L="$limit" "$chars"' > L {print "    " FNR ": " substr($0, 1, 80) "…"}' "$file" | head -n 5
  done
  exit 1
fi
