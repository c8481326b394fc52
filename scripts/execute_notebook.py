"""Execute a notebook in a fresh tslab kernel with nbclient, the way a grader's Restart & Run All does.

Usage: python scripts/execute_notebook.py NOTEBOOK OUTPUT [--timeout SECONDS] [--twice]

Writes the executed notebook to OUTPUT (may equal NOTEBOOK). The kernel's working directory is the
notebook's folder (as in JupyterLab), so notebooks import the built lib as `..`.

The project's kernel (scripts/kernel/) reports a failed cell as Jupyter expects (an error output
with ename, evalue and a traceback); nbclient then raises CellExecutionError and stops. We catch it
and print the failing cell's number, source and error (or stderr), and exit 1, so callers can fail
with the cell's real message.

--twice runs every cell a second time in the same kernel after the first pass (students do this)
and fails if any cell fails then; the saved outputs are those of the first pass, written before the
second pass starts (so a caller can tell a first-pass failure, no OUTPUT, from a second-pass one).

A known rare zeromq 6 start-up race (EBUSY "Socket is blocked by a bind or unbind operation")
can kill the kernel at start: we retry the start once and say so.
"""
import argparse
import copy
import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError


def cell_stderr(cell):
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stderr":
            parts.append(out.get("text", ""))
        elif out.get("output_type") == "error":
            # The kernel's traceback opens with the class, message and the cell's line; the
            # library and runtime frames after the marker are left out here.
            lines = list(out.get("traceback") or [f"{out.get('ename')}: {out.get('evalue')}"])
            if "--- library and runtime frames ---" in lines:
                lines = lines[:lines.index("--- library and runtime frames ---")]
            parts.append("\n".join(lines))
    return "".join(parts).strip()


def report_failure(path, nb, label):
    # nbclient stops at the failing cell: it is the last code cell that ran (has a count or outputs).
    ran = [(i, c) for i, c in enumerate(nb.cells)
           if c.cell_type == "code" and (c.get("execution_count") or c.get("outputs"))]
    if not ran:
        print(f"FAILED {label}: {path} (no cell ran)", file=sys.stderr)
        return
    index, cell = ran[-1]
    source = cell.source if len(cell.source) < 400 else cell.source[:400] + " ..."
    print(f"FAILED {label}: {path}, code cell {index} (execution {cell.get('execution_count')})", file=sys.stderr)
    print(f"--- cell source ---\n{source}\n--- cell stderr ---\n{cell_stderr(cell) or '(none)'}", file=sys.stderr)


def second_pass(client, path, nb):
    """Runs every cell again in the kernel of the first pass, on a copy (the first pass is saved)."""
    again = copy.deepcopy(nb)
    client.nb = again
    index = -1
    try:
        for index, cell in enumerate(again.cells):
            if cell.cell_type == "code":
                cell.outputs = []
            client.execute_cell(cell, index)
    except CellExecutionError:
        cell = again.cells[index]
        print(f"FAILED second pass in the same kernel: {path}, code cell {index}", file=sys.stderr)
        print(f"--- cell source ---\n{cell.source[:400]}\n--- cell stderr ---\n{cell_stderr(cell) or '(none)'}",
              file=sys.stderr)
        return 1
    return 0


def execute(path, nb, timeout, output, twice):
    """The first pass, exactly as nbclient's execute() runs it, saved to OUTPUT; with twice, then
    the second pass in the same kernel (one kernel start, not two)."""
    workdir = os.path.dirname(os.path.abspath(path))
    for attempt in (1, 2):
        client = NotebookClient(nb, timeout=timeout, kernel_name="tslab",
                                resources={"metadata": {"path": workdir}},
                                allow_errors=False, record_timing=False)
        try:
            # setup_kernel shuts the kernel down on leaving; execute() inside it keeps it alive.
            with client.setup_kernel():
                client.execute(cleanup_kc=False)
                nbformat.write(nb, output)
                return second_pass(client, path, nb) if twice else 0
        except DeadKernelError as error:
            started = any(c.get("execution_count") for c in nb.cells if c.cell_type == "code")
            if attempt == 1 and not started:
                print(f"NOTE: kernel died at start ({error}); known zeromq EBUSY race, retrying once",
                      file=sys.stderr)
                for cell in nb.cells:
                    if cell.cell_type == "code":
                        cell.outputs = []
                        cell.execution_count = None
                continue
            raise


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("notebook")
    parser.add_argument("output")
    parser.add_argument("--timeout", type=int, default=600)
    parser.add_argument("--twice", action="store_true")
    args = parser.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    try:
        return execute(args.notebook, nb, args.timeout, args.output, args.twice)
    except CellExecutionError:
        report_failure(args.notebook, nb, "cell")
        return 1
    except DeadKernelError as error:
        print(f"FAILED kernel: {args.notebook}: the kernel died: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
