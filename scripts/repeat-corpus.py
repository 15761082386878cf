#!/usr/bin/env python3
"""Real articles repeated into a JSON Lines file of a given size, for timing `reckon timeline` on
text of real news density (the generated corpora of bench/ are synthetic).

    python3 scripts/repeat-corpus.py ../shared/corpora/alaska-2025 tests/fixtures/alaska/reckon.toml 8 > alaska8.jsonl

Each article gets the anchor its [anchors] glob in the config gives (as "published") and an id
of its own per copy. The articles are read from where they are; nothing is copied into the
project.
"""
import fnmatch
import json
import pathlib
import sys
import tomllib


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    corpus, config, megabytes = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), float(sys.argv[3])
    anchors = tomllib.loads(config.read_text(encoding="utf-8")).get("anchors", {})
    articles = []
    for path in sorted(corpus.glob("*.txt")):
        published = next((day for glob, day in anchors.items() if fnmatch.fnmatch(path.name, glob)), None)
        articles.append((path.stem, published, path.read_text(encoding="utf-8")))
    if not articles:
        print(f"{corpus}: no *.txt articles", file=sys.stderr)
        return 1
    target, written, copy = megabytes * 1e6, 0, 0
    while written < target:
        for stem, published, text in articles:
            record = {"id": f"{stem}-{copy:05d}", "text": text}
            if published:
                record["published"] = published
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += len(text.encode("utf-8"))
        copy += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
