"""pytest configuration for `pytest --nbval notebooks/` (README "For graders").

nbval 0.11 records a cell's outputs from the kernel's iopub messages but ignores
`update_display_data` ("unhandled iopub msg"), which the Jupyter protocol uses to update an
output in place and which nbclient, JupyterLab and the saved notebooks apply. Our progress lines
(`lab.mapWithProgress`, lib/notebook/progress-line.ts) show one line that counts up and ends
with a final text: the saved notebook holds the final text, nbval would see only the first.

This plugin applies the updates the way a Jupyter front end does, before nbval sees the
messages: a `display_data` with a `display_id` is held back with every message after it until
the cell's kernel goes idle; updates to it replace its data; then everything is handed to nbval
in the original order. Nothing is sanitized: nbval compares every output a reader sees (stream
text, text/plain, the SVG of each chart, the Vega-Lite spec as JSON); it skips image/png by
default, which we keep (the PNG is rendered from the SVG it does compare).
"""
from collections import deque

import nbval.kernel


def _display_id(msg):
    return (msg.get("content", {}).get("transient") or {}).get("display_id")


_get_message = nbval.kernel.RunningKernel.get_message


def _get_message_with_updates(self, stream, timeout=None):
    if stream != "iopub":
        return _get_message(self, stream, timeout=timeout)
    state = self.__dict__.setdefault("_display_updates", {"ready": deque(), "held": [], "by_id": {}})
    if state["ready"]:
        return state["ready"].popleft()
    while True:
        msg = _get_message(self, stream, timeout=timeout)
        kind = msg["msg_type"]
        display_id = _display_id(msg) if kind in ("display_data", "update_display_data") else None
        if kind == "update_display_data" and display_id in state["by_id"]:
            target = state["by_id"][display_id]["content"]
            target["data"] = msg["content"]["data"]
            target["metadata"] = msg["content"].get("metadata", {})
            continue
        if kind == "display_data" and display_id:
            state["by_id"][display_id] = msg
            state["held"].append(msg)
            continue
        if not state["held"]:
            return msg
        state["held"].append(msg)
        if kind == "status" and msg["content"].get("execution_state") == "idle":
            state["ready"].extend(state["held"])
            state["held"].clear()
            state["by_id"].clear()
            return state["ready"].popleft()


nbval.kernel.RunningKernel.get_message = _get_message_with_updates
