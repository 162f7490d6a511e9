"""Agreement between the first annotator (../<lang>-{train,dev,test}.jsonl) and the second
(<lang>-second-annotator.jsonl) on the double-annotated sample:

    python tests/data/plover-annotated/double/agreement.py id|en
"""
import json, sys, glob, os, collections
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
MODALITY = {"asserted", "future", "negated", "hypothetical"}

def load(p): return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]

def validate(out_path, in_path):
    out, inp = load(out_path), load(in_path)
    problems = []
    if len(out) != len(inp): problems.append(f"{len(out)} lines, input has {len(inp)}")
    for o, i in zip(out, inp):
        if (o.get("doc"), o.get("sent"), o.get("text")) != (i["doc"], i["sent"], i["text"]):
            problems.append(f"line mismatch at {i['doc']}:{i['sent']}"); break
        for e in o.get("events", None) if isinstance(o.get("events"), list) else [None]:
            if e is None: problems.append(f"no events list at {i['doc']}:{i['sent']}"); continue
            t = i["text"]
            if e.get("type") not in TYPES: problems.append(f"type {e.get('type')}")
            if t[e.get("start", -1):e.get("start", -1) + len(e.get("trigger", ""))] != e.get("trigger"): problems.append(f"trigger offset {i['doc']}:{i['sent']} {e.get('trigger')!r}")
            for k in ("source", "target"):
                for a in e.get(k, []):
                    if a not in t: problems.append(f"{k} {a!r} not in text")
            if e.get("modality", "asserted") not in MODALITY: problems.append(f"modality {e.get('modality')}")
    return len(out), sum(bool(o.get("events")) for o in out), problems

def kappa(pairs):
    n = len(pairs); po = sum(a == b for a, b in pairs) / n
    ca, cb = collections.Counter(a for a, _ in pairs), collections.Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0

def agreement(first_files, second_file):
    first = {}
    for f in first_files:
        for o in load(f): first[(o["doc"], o["sent"])] = o
    second = load(second_file)
    pairs_event, pairs_label, tp, na, nb, roles_ok, roles_n = [], [], 0, 0, 0, 0, 0
    for s in second:
        f = first.get((s["doc"], s["sent"]))
        if f is None: continue
        ea, eb = f.get("events", []), s.get("events", [])
        pairs_event.append((bool(ea), bool(eb)))
        pairs_label.append(("+".join(sorted({e["type"] for e in ea})) or "NONE", "+".join(sorted({e["type"] for e in eb})) or "NONE"))
        na += len(ea); nb += len(eb)
        used = set()
        for b in eb:
            for j, a in enumerate(ea):
                if j in used or a["type"] != b["type"]: continue
                if a["start"] < b["start"] + len(b["trigger"]) and b["start"] < a["start"] + len(a["trigger"]):
                    used.add(j); tp += 1
                    for k in ("source", "target"):
                        roles_n += 1
                        roles_ok += (set(map(str.lower, a.get(k, []))) == set(map(str.lower, b.get(k, []))))
                    break
    return {"sentences": len(pairs_event), "kappa_event_or_not": round(kappa(pairs_event), 3),
            "kappa_sentence_types": round(kappa(pairs_label), 3),
            "trigger_type_f1": round(2 * tp / (na + nb), 3) if na + nb else None, "events_a": na, "events_b": nb,
            "source_target_exact_agreement": round(roles_ok / roles_n, 3) if roles_n else None}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    lang = sys.argv[1]
    print(lang, agreement(sorted(glob.glob(os.path.join(here, "..", f"{lang}-*.jsonl"))),
                          os.path.join(here, f"{lang}-second-annotator.jsonl")))
