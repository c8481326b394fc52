"""The lib's import time in a fresh tslab kernel, for `npm run bench`.

Runs with the project's .venv (jupyter_client and the tslab kernelspec). For each of `--repeats`
fresh kernels (after one warm-up kernel) it records:
  start    the kernel's start until it answers (kernel_info reply), ms;
  require  `require('likelihood-lab')` timed inside the kernel with Date.now(), ms (the cell the
           notebooks run first, without tslab's compile of the cell);
  cell     that cell's round trip from the client: compile + run + reply, ms;
  firstUse `benchLab.backendSummary()`, the first cell that needs TensorFlow (the lib loads it lazily
           at first use), timed inside the kernel with Date.now(), ms;
  firstUseCell  that cell's round trip from the client, ms.
Prints one JSON object; exits non-zero when a kernel fails or the cell errors.

Usage: .venv/bin/python bench/kernel_import.py --cwd NOTEBOOKS_DIR --repeats 5
"""
import argparse
import json
import re
import time

from jupyter_client.manager import KernelManager

CELL = (
    "const benchStart = Date.now();\n"
    "const benchLab = require('likelihood-lab');\n"
    "console.log('BENCH_REQUIRE_MS=' + (Date.now() - benchStart) + ' ' + typeof benchLab.fitGaussianMean);\n"
)
FIRST_USE = (
    "const benchUseStart = Date.now();\n"
    "const benchSummary = benchLab.backendSummary();\n"
    "console.log('BENCH_FIRST_USE_MS=' + (Date.now() - benchUseStart) + ' ' + benchSummary);\n"
)


def one_kernel(cwd, timeout):
    manager = KernelManager(kernel_name="tslab")
    start = time.perf_counter()
    manager.start_kernel(cwd=cwd)
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=timeout)
        ready = time.perf_counter()
        stdout, errors = [], []

        def hook(msg):
            kind, content = msg["header"]["msg_type"], msg["content"]
            if kind == "stream":
                (stdout if content["name"] == "stdout" else errors).append(content["text"])
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")

        def run(cell, pattern, what):
            stdout.clear()
            sent = time.perf_counter()
            reply = client.execute_interactive(cell, timeout=timeout, output_hook=hook)
            done = time.perf_counter()
            text = "".join(stdout)
            match = re.search(pattern, text)
            if reply["content"]["status"] != "ok" or match is None:
                raise RuntimeError(f"the {what} cell failed: {''.join(errors) or text or reply['content']}")
            return float(match.group(1)), (done - sent) * 1e3

        required, cell = run(CELL, r"BENCH_REQUIRE_MS=(\d+) function", "import")
        used, use_cell = run(FIRST_USE, r"BENCH_FIRST_USE_MS=(\d+) backend ", "backendSummary")
        return {
            "start": (ready - start) * 1e3,
            "require": required,
            "cell": cell,
            "firstUse": used,
            "firstUseCell": use_cell,
        }
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cwd", required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    runs = [one_kernel(args.cwd, args.timeout) for _ in range(args.repeats + 1)][1:]
    print(json.dumps({key: [run[key] for run in runs] for key in ("start", "require", "cell", "firstUse", "firstUseCell")}))


if __name__ == "__main__":
    main()
