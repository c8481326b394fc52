"""Drive the project's tslab kernel with jupyter_client and print what it said, as JSON.

Usage: python tests/kernel/drive_kernel.py WORKDIR OUT.json < plan.json

plan.json: {"kernel": "tslab", "batches": [[{"code": "...", "stop_on_error": true}, ...], ...]}
Requests of one batch are sent back to back, without waiting for replies (as JupyterLab's Run All
does); the next batch is sent once every reply of the previous one is in. Written to OUT.json:
{"kernel_info": {...}, "results": [{"reply": {...}, "errors": [...], "stdout": "...", "stderr": "..."}, ...]}
"""
import json
import subprocess
import sys
import time

from jupyter_client.manager import start_new_kernel

TIMEOUT = 120


def main():
    workdir, out_path = sys.argv[1], sys.argv[2]
    plan = json.load(sys.stdin)
    # The transcript goes to a file, and the kernel (which would inherit our stdout) writes to none.
    km, kc = start_new_kernel(kernel_name=plan.get("kernel", "tslab"), cwd=workdir, startup_timeout=90,
                              stdout=subprocess.DEVNULL)
    try:
        kc.kernel_info()
        info = kc.get_shell_msg(timeout=TIMEOUT)
        results = []
        for batch in plan["batches"]:
            ids = [kc.execute(step["code"], stop_on_error=step.get("stop_on_error", True)) for step in batch]
            found = {i: {"reply": None, "errors": [], "stdout": "", "stderr": "", "idle": False} for i in ids}
            deadline = time.time() + TIMEOUT
            while not all(found[i]["reply"] is not None and found[i]["idle"] for i in ids):
                if time.time() > deadline:
                    raise TimeoutError(f"no reply within {TIMEOUT} s: {found}")
                while kc.shell_channel.msg_ready():
                    msg = kc.get_shell_msg(timeout=1)
                    parent = msg["parent_header"].get("msg_id")
                    if parent in found:
                        found[parent]["reply"] = msg["content"]
                while kc.iopub_channel.msg_ready():
                    msg = kc.get_iopub_msg(timeout=1)
                    parent = msg["parent_header"].get("msg_id")
                    if parent not in found:
                        continue
                    kind, content = msg["header"]["msg_type"], msg["content"]
                    if kind == "error":
                        found[parent]["errors"].append(content)
                    elif kind == "stream":
                        found[parent][content["name"]] += content["text"]
                    elif kind == "status" and content["execution_state"] == "idle":
                        found[parent]["idle"] = True
                time.sleep(0.01)
            results.extend({k: v for k, v in found[i].items() if k != "idle"} for i in ids)
        with open(out_path, "w", encoding="utf-8") as out:
            json.dump({"kernel_info": info["content"], "results": results}, out)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
