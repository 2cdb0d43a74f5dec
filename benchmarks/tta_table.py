#!/usr/bin/python3
"""The Markdown table of benchmarks/time-to-accuracy.sh, from the rows' JSON files.

usage: tta_table.py TARGET ROW.json... > table.md

Each file is one row, as TimeToAccuracyBench and torch_fmnist.py write it: curve (training
seconds, test accuracy after each epoch or iteration), final_acc, train_s, epochs, unit,
startup_s, data_s, settings, label (else the row's usual name), dataset (fmnist | tabular), and peer (PyTorch) / reference
(MLlib); or skipped / failed with the reason. Ratios: against PyTorch's seconds to TARGET on
Fashion-MNIST, and against MLlib's fit time, for the first epoch that reaches MLlib's final
accuracy on the same data set.
"""
import json
import sys

LABELS = {
    "a": "PyTorch, 2 cores",
    "b": "sparkmlp, no Spark",
    "c": "sparkmlp local[2], exact steps",
    "d": "sparkmlp local[2], sync_every auto",
    "e": "sparkmlp local[2], L-BFGS",
    "f": "MLlib MLP, L-BFGS",
    "g": "sparkmlp standalone cluster",
    "h1": "tabular: MLlib MLP, L-BFGS",
    "h2": "tabular: sparkmlp Adam, local steps",
    "h3": "tabular: sparkmlp L-BFGS",
}


def first_reaching(curve, acc):
    """Training seconds of the first point at or above acc, or None."""
    for seconds, a in curve or []:
        if a is not None and a >= acc - 1e-12:
            return seconds
    return None


def sec(v):
    return "—" if v is None else ("%.1f" % v if v >= 10 else "%.2f" % v)


def ratio(a, b):
    return "—" if a is None or not b else "%.1f×" % (a / b)


def main():
    target = float(sys.argv[1])
    rows = []
    for path in sys.argv[2:]:
        with open(path) as f:
            rows.append(json.load(f))
    done = [r for r in rows if "curve" in r]
    peer = next((r for r in done if r.get("peer")), None)
    peer_t = first_reaching(peer["curve"], target) if peer else None
    refs = {r["dataset"]: r for r in done if r.get("reference")}
    pct = "%g%%" % (100 * target)
    out = ["| row | trainer | s to %s | × PyTorch | final acc | epochs / iters | train s "
           "| s to MLlib's final acc | MLlib's time ÷ that | start-up s | data s | settings |"
           % pct,
           "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        row = r.get("row", "?")
        label = r.get("label") or LABELS.get(row, row)
        if "curve" not in r:
            why = r.get("skipped") or r.get("failed") or "no result"
            out.append("| %s | %s | skipped: %s |  |  |  |  |  |  |  |  |  |"
                       % (row, label, why.replace("|", "/")))
            continue
        fmnist = r.get("dataset") == "fmnist"
        t = first_reaching(r["curve"], target) if fmnist else None
        ref = refs.get(r.get("dataset"))
        if ref is not None and not r.get("reference"):
            t_ref = first_reaching(r["curve"], ref["final_acc"])
            vs_ref = ratio(ref["train_s"], t_ref)
        else:
            t_ref, vs_ref = None, "—"
        if not fmnist:
            tt, vs_peer = "n/a", "n/a"
        else:
            tt = sec(t)
            vs_peer = ("1.0×" if t is not None else "—") if r is peer else ratio(t, peer_t)
        if r.get("reference") and fmnist and t is not None:
            tt = "≤ " + tt  # MLlib gives one point: its final accuracy after the whole fit
        out.append("| %s | %s | %s | %s | %.2f%% | %d %s | %s | %s | %s | %s | %s | %s |" % (
            row, label, tt, vs_peer, 100 * r["final_acc"], r["epochs"], r.get("unit", ""),
            sec(r["train_s"]), "—" if r.get("reference") else sec(t_ref), vs_ref,
            sec(r.get("startup_s")), sec(r.get("data_s")), r.get("settings", "").replace("|", "/")))
    print("\n".join(out))


if __name__ == "__main__":
    main()
