#!/usr/bin/env python3
"""Two DCT baselines for the SemEval-2015 Task 4 trial data, to place `reckon eval timeline`
figures (docs/accuracy.md). Not part of the build or of CI.

  scripts/semeval-baselines.py DOCUMENTS_TIMEML GOLD_TIMELINES OUT_DIR {gold|sentence}

gold:     the gold timelines' own mentions;
sentence: every <EVENT> of each sentence naming the entity (case-insensitive, word for word).
Each mention is dated by its document's DCT; ORDER follows the dates.
Then: reckon eval timeline GOLD_TIMELINES OUT_DIR
"""
import os
import re
import sys


def documents(folder):
    docs = {}
    for name in sorted(os.listdir(folder)):
        text = open(os.path.join(folder, name), encoding="utf-8").read()
        doc = re.search(r"<DOCID>(\d+)</DOCID>", text).group(1)
        dct = re.search(r'<DCT><TIMEX3[^>]*value="([^"]+)"', text).group(1)
        docs[doc] = (dct, re.findall(r'<s id="(\d+)">(.*?)</s>', text, re.S))
    return docs


def gold_mentions(path, docs):
    for line in open(path, encoding="utf-8").read().split("\n")[1:]:
        fields = line.split("\t")
        for mention in fields[2:] if len(fields) >= 3 else []:
            doc = mention.split("-")[0]
            if mention and doc in docs:
                yield docs[doc][0], mention


def sentence_mentions(entity, docs):
    for doc, (dct, sentences) in docs.items():
        for sid, sentence in sentences:
            if entity.lower() in re.sub(r"<[^>]+>", "", sentence).lower():
                for word in re.findall(r"<EVENT[^>]*>(.*?)</EVENT>", sentence):
                    yield dct, "%s-%s-%s" % (doc, sid, word.replace(" ", "_"))


def main(documents_dir, gold_dir, out_dir, mode):
    docs = documents(documents_dir)
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(gold_dir)):
        path = os.path.join(gold_dir, name)
        entity = open(path, encoding="utf-8").readline().rstrip("\n")
        events = sorted(gold_mentions(path, docs) if mode == "gold" else sentence_mentions(entity, docs))
        dates = sorted({date for date, _ in events})
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as out:
            out.write(entity + "\n")
            for date, mention in events:
                out.write("%d\t%s\t%s\n" % (dates.index(date) + 1, date, mention))


if __name__ == "__main__":
    if len(sys.argv) != 5 or sys.argv[4] not in ("gold", "sentence"):
        sys.exit(__doc__)
    main(*sys.argv[1:])
