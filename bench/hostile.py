"""Bounds of one article's analysis on hostile inputs: peak memory and wall time (issue 21).

    python bench/hostile.py [--only NAME ...] [--web]

Each input is analysed by `presslens.analyse()` in a fresh process, one after the other (they
take minutes: do not run this beside other heavy jobs): wall time of analyse() (the model
already loaded, as in a server or batch worker), wall time of the whole process, the peak
resident memory of the process (model included), how much of the text was analysed, and the
warnings saying what was cut (at most Settings.max_analysed_chars are analysed, fewer when the
time runs short). The inputs are built here from our own sentences:

  paragraph-2mb      one paragraph of 2 MB of distinct sentences
  sentences-10k      an 856 KB-like article: 10,000 short sentences, five to a paragraph
  text-4mb           4 MB of prose in paragraphs
  quotes-60kb        60 KB of `"`
  text-20mb          19.9 MB of prose: just under the input size limit (Settings.max_bytes)

`--web` also posts 1 MB through the analyse form of a server started here, and reports the
request's wall time and the server's resident memory after it (the analysis runs in a worker
process, so the server's own stays small).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

SUBJECTS = ("The mayor", "Anna de Vries", "The port authority", "Ravi Patel", "The union")
VERBS = ("said", "told reporters", "argued", "added", "wrote")


def sentence(n: int) -> str:
    """A distinct short sentence (ingest drops repeated paragraphs, so no two are alike)."""
    subject, verb = SUBJECTS[n % 5], VERBS[n // 5 % 5]
    kind = n % 4
    if kind == 0:
        return f'"Berth {n} opens in May," {subject.lower()} {verb}.'
    if kind == 1:
        return f"Fees rose by {n % 97 + 1}% to ${n % 900 + 10} million in {1990 + n % 34}."
    if kind == 2:
        return f"{subject} {verb} that ferry {n} would run {n % 40 + 2} times a day."
    return f"The council met on day {n} and voted to close {n % 50 + 3} streets."


def prose(size: int, per_paragraph: int) -> str:
    """About `size` characters of sentences, `per_paragraph` to a paragraph (0: one)."""
    parts: list[str] = ["Harbour diary\n\n"]
    length, n = 0, 0
    while length < size:
        text = sentence(n)
        n += 1
        end = "\n\n" if per_paragraph and n % per_paragraph == 0 else " "
        parts += [text, end]
        length += len(text) + len(end)
    return "".join(parts).rstrip() + "\n"


def sentences_10k() -> str:
    """10,000 sentences of ~86 characters, as in the issue's 856 KB article."""
    longer = (sentence(n)[:-1] + f", as the record of meeting {n} shows." for n in range(10_000))
    return "Harbour diary\n\n" + "".join(
        text + ("\n\n" if (n + 1) % 5 == 0 else " ") for n, text in enumerate(longer)
    )


INPUTS = {
    "paragraph-2mb": lambda: prose(2_000_000, 0),
    "sentences-10k": sentences_10k,
    "text-4mb": lambda: prose(4_000_000, 6),
    "quotes-60kb": lambda: "Title\n\n" + '"' * 60_000 + "\n",
    "text-20mb": lambda: prose(19_900_000, 6),
}


def measure_one(name: str) -> dict:
    """Run in the child: analyse one input, return the figures."""
    import presslens
    from presslens.settings import Settings

    settings = Settings()
    presslens.analyse("Warm up\n\nThe model loads once per process.", settings=settings)
    text = INPUTS[name]()
    started = time.perf_counter()
    dossier = presslens.analyse(text, settings=settings)
    seconds = time.perf_counter() - started
    analysed = max((s.end for s in dossier.sentences), default=0)
    return {
        "name": name,
        "chars": len(text),
        "analyse_s": round(seconds, 1),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "analysed_chars": analysed,
        "quotes": len(dossier.quotes),
        "claims": len(dossier.claims),
        "warnings": [f"{w.stage}: {w.message[:110]}" for w in dossier.warnings],
    }


def run_child(name: str) -> dict:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--child", name], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        return {"name": name, "error": done.stderr.strip().splitlines()[-1:]}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_s"] = round(time.perf_counter() - started, 1)
    return result


def measure_web() -> dict:
    """POST 1 MB to the analyse form of a server in a child process; its memory after."""
    import socket
    import tempfile

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serve = (
        "import sys, uvicorn\nfrom presslens.web.app import create_app\n"
        "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]),"
        " log_level='warning')\n"
    )
    folder = tempfile.mkdtemp()
    server = subprocess.Popen([sys.executable, "-c", serve, f"{folder}/c.db", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        started = time.perf_counter()
        response = httpx.post(
            base + "/analyse.json", data={"text": prose(1_000_000, 6)}, timeout=300
        )
        seconds = time.perf_counter() - started
        status = Path(f"/proc/{server.pid}/status").read_text()
        rss = next(line for line in status.splitlines() if line.startswith("VmRSS"))
        return {
            "name": "web-1mb",
            "status": response.status_code,
            "request_s": round(seconds, 1),
            "server_rss_after": rss.split(":")[1].strip(),
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(INPUTS), default=list(INPUTS))
    parser.add_argument("--web", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_one(args.child)))
        return
    print(
        f"{'input':<15} {'chars':>11} {'analyse s':>9} {'process s':>9} {'peak MB':>8} "
        f"{'analysed':>10} {'quotes':>6} {'claims':>6}"
    )
    for name in args.only:
        row = run_child(name)
        if "error" in row:
            print(f"{name:<15} failed: {row['error']}")
            continue
        print(
            f"{name:<15} {row['chars']:>11,} {row['analyse_s']:>9} {row['process_s']:>9} "
            f"{row['peak_mb']:>8} {row['analysed_chars']:>10,} {row['quotes']:>6} "
            f"{row['claims']:>6}"
        )
        for warning in row["warnings"]:
            print(f"{'':<15} - {warning}")
    if args.web:
        print(json.dumps(measure_web()))


if __name__ == "__main__":
    main()
