"""Runs several `jupytext` command lines in one Python process (tests/notebooks/jupytext.test.ts).

Usage: python tests/notebooks/jupytext-batch.py '[["--to", "ts:percent", "--output", "-", "a.ipynb"], ...]'

Each command line goes to jupytext's own entry point, `jupytext.cli.jupytext(args)`, the function
the `jupytext` executable calls, so each conversion is the command's, with its stdout and stderr
captured; only the start-up of Python and jupytext (seconds each) is paid once. Prints a JSON list,
one {"status", "stdout", "stderr"} per command line, in order.
"""
import io
import json
import sys
import traceback
from contextlib import redirect_stderr, redirect_stdout

from jupytext.cli import jupytext


def run(args):
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # jupytext writes to sys.stdout.buffer
    err = io.StringIO()
    try:
        with redirect_stdout(out), redirect_stderr(err):
            status = jupytext(args) or 0
    except SystemExit as exit_:  # argparse and friends
        status = exit_.code if isinstance(exit_.code, int) else 1
    except Exception:  # noqa: BLE001 (reported to the test, as the command would)
        err.write(traceback.format_exc())
        status = 1
    out.flush()
    return {"status": status, "stdout": out.buffer.getvalue().decode("utf-8"), "stderr": err.getvalue()}


def main():
    print(json.dumps([run(args) for args in json.loads(sys.argv[1])]))


if __name__ == "__main__":
    main()
