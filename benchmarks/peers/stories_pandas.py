"""What a data analyst would write instead of `sprintkit stories summary`: read the story CSV
with pandas and count and share every signifier's answers per group (choice answers as counts
and shares, scales as count and mean, triads as their closed geometric mean), as JSON."""

import argparse
import json

import numpy as np
import pandas as pd


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--by", action="append", required=True)
    parser.add_argument("--choice", action="append", default=[])
    parser.add_argument("--scale", action="append", default=[])
    parser.add_argument("--triad", action="append", default=[])
    args = parser.parse_args()

    df = pd.read_csv(args.csv, dtype=str, keep_default_na=False)
    keys = [df[k] for k in args.by]
    out = {"stories": {" · ".join(k): int(n) for k, n in df.groupby(keys).size().items()},
           "signifiers": {}}
    for col in args.choice:
        answered = df[df[col] != ""]
        counts = answered.groupby([answered[k] for k in args.by] + [answered[col]]).size()
        shares = counts / counts.groupby(level=list(range(len(args.by)))).transform("sum")
        out["signifiers"][col] = {" · ".join(k): {"n": int(counts[k]), "share": float(shares[k])}
                                  for k in counts.index}
    for col in args.scale:
        values = pd.to_numeric(df[col], errors="coerce")
        stats = values.groupby(keys).agg(["count", "mean"])
        out["signifiers"][col] = {" · ".join(k): {"n": int(r["count"]), "mean": float(r["mean"])}
                                  for k, r in stats.iterrows()}
    for col in args.triad:
        parts = df[col].str.split("/", expand=True).apply(pd.to_numeric, errors="coerce")
        parts = parts.div(parts.sum(axis=1), axis=0).clip(lower=1e-6)
        logs = np.log(parts).groupby(keys).agg(["count", "sum"])
        result = {}
        for k, row in logs.iterrows():
            n = int(row[(0, "count")])
            means = np.exp([row[(i, "sum")] / n for i in range(3)]) if n else [0, 0, 0]
            total = float(sum(means)) or 1.0
            result[" · ".join(k)] = {"n": n, "composition": [float(m) / total for m in means]}
        out["signifiers"][col] = result
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
