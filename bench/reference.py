"""The PyTorch side of `npm run bench`: the assignment's own computations, timed.

Runs inside the benchmark-only virtual environment `.venv-bench/` (torch 2.13.0 CPU build and
numpy), made by scripts/bench.js. One invocation = one workload in a fresh process; it prints one
JSON object on stdout (times in ms, memory in bytes) and exits non-zero on any failure.

The data: `--data FILE`, the raw float32 n x 2 file that bench/ours.js wrote (n points of
N((1, 1), 5 I) from the lib's seeded sampler), read into a float64 numpy array: the starter code's
data is the float64 array of np.random.multivariate_normal, and here it holds the same numbers as
ours, so both sides' answers can be compared.

Usage:
  python bench/reference.py fit --data FILE --n N --dtype float32|float64 --repeats R --steps S
      setup   = torch.tensor(data) + mu + the first step (L, backward, update), R runs after a warm-up;
      step    = one full-batch step of the starter code's Task 1 loop (L, backward, update, L read
                back), S timed steps after the set-up's first step (the warm-up);
      batch   = one mini-batch step with k = 100: the starter code's get_random_batch (np.random.choice
                without replacement) + L + backward + update, S timed after a warm-up;
      mean    = mu after the set-up's step and the S full-batch steps (S + 1 steps from (-1, -1));
      peakRss = the process's peak resident set size (data in memory, R + 2 set-ups, the steps).
  python bench/reference.py heatmap --data FILE --n N --dtype ... --repeats R --vectorize-repeats V
      the starter code's `vizualize` surface on a 100 x 100 grid: np.vectorize over L (as written),
      and a direct tensor way (L for all grid means at once, chunked broadcast, O(grid * n));
      --repeats 0 times neither and only returns the argmax for the cross-check.
  python bench/reference.py import --repeats R
      `import torch` + `import numpy` in a fresh interpreter, R fresh interpreters after a warm-up.
  python bench/reference.py info
      versions, thread counts and the machine.
"""
import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time

BATCH = 100


def L(X, mu, sigma):
    """The starter code's log-likelihood, verbatim."""
    diff = X - mu
    z = -0.5 * diff @ sigma.inverse() * diff
    return z.sum()


def get_random_batch(X, batch_size=1000, seed=None):
    """The starter code's mini-batch draw, verbatim."""
    import numpy as np

    if seed is not None:
        np.random.seed(seed)
    num_samples = X.size(0)
    random_indices = np.random.choice(num_samples, batch_size, replace=False)
    return X[random_indices]


def now_ms():
    return time.perf_counter() * 1e3


def timed(fn, repeats):
    times = []
    for _ in range(repeats):
        start = now_ms()
        fn()
        times.append(now_ms() - start)
    return times


def read_data(path, n):
    """The shared data file as the starter code's kind of data: a float64 (n, 2) numpy array, and Sigma."""
    import numpy as np

    data = np.fromfile(path, dtype="<f4").astype(np.float64)
    if data.size != 2 * n:
        raise RuntimeError(f"{path} holds {data.size} numbers, expected {2 * n}")
    return data.reshape(n, 2), 5 * np.eye(2)


def fit(args):
    import numpy as np
    import torch

    dtype = getattr(torch, args.dtype)
    data, sigma_np = read_data(args.data, args.n)
    learning_rate = 1e-4 if args.n <= 10**4 else 1e-4 * 10**4 / args.n

    def setup_and_first_step():
        start = now_ms()
        X = torch.tensor(data, dtype=dtype)
        sigma = torch.tensor(sigma_np, dtype=dtype)
        mu = torch.tensor([-1, -1], dtype=dtype, requires_grad=True)
        step(X, mu, sigma)
        return now_ms() - start, (X, mu, sigma)

    def step(X, mu, sigma):
        likelihood = L(X, mu, sigma)
        likelihood.backward()
        with torch.no_grad():
            mu += learning_rate * mu.grad
        mu.grad.zero_()
        return likelihood.item()  # the starter code reads it back each step (lhoods.append)

    setup_and_first_step()  # warm-up
    setups = [setup_and_first_step()[0] for _ in range(args.repeats)]
    _, (X, mu, sigma) = setup_and_first_step()  # its step is the warm-up of the timed steps
    steps = []
    for _ in range(args.steps):
        start = now_ms()
        value = step(X, mu, sigma)
        steps.append(now_ms() - start)
        if not np.isfinite(value):
            raise RuntimeError(f"full-batch step gave a non-finite L: {value}")
    mean = mu.tolist()
    batches = []
    for i in range(args.steps + 1):
        start = now_ms()
        X_batch = get_random_batch(X, BATCH)
        step(X_batch, mu, sigma)
        if i > 0:  # the first is the warm-up
            batches.append(now_ms() - start)
    if not all(np.isfinite(mu.tolist())):
        raise RuntimeError(f"mini-batch steps gave a non-finite mean: {mu.tolist()}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB
    return {
        "setup": setups,
        "step": steps,
        "batch": batches,
        "peakRss": peak,
        "mean": mean,
        "sampleMean": data.mean(axis=0).tolist(),
    }


def heatmap(args):
    import numpy as np
    import torch

    dtype = getattr(torch, args.dtype)
    data, sigma_np = read_data(args.data, args.n)
    X = torch.tensor(data, dtype=dtype)
    sigma = torch.tensor(sigma_np, dtype=dtype)

    def assignment_way(steps=100):
        # vizualize's surface, as written: torch.tensor([x, y]) is float32 (promoted against X).
        loss = lambda x, y: L(X, torch.tensor([x, y]), sigma)
        loss = np.vectorize(loss)
        space = np.linspace(-5, 5, steps)
        x, y = np.meshgrid(space, space)
        zs = np.array(loss(np.ravel(x), np.ravel(y)))
        return zs.reshape(x.shape)

    def tensor_way():
        # L at every grid mean at once: (grid, n, 2) differences in chunks of 100 grid means.
        space = torch.linspace(-5, 5, 100, dtype=dtype)
        gy, gx = torch.meshgrid(space, space, indexing="ij")
        mus = torch.stack([gx.reshape(-1), gy.reshape(-1)], dim=1)
        precision = sigma.inverse()
        out = []
        for chunk in mus.split(100):
            diff = X.unsqueeze(0) - chunk.unsqueeze(1)
            out.append(-0.5 * ((diff @ precision) * diff).sum(dim=(1, 2)))
        return torch.cat(out).reshape(100, 100).numpy()

    reference = tensor_way()  # warm-up of the tensor way
    best = np.unravel_index(np.argmax(reference), reference.shape)
    results = {"check": {"argmax": [int(v) for v in best], "max": float(reference[best])}}
    if args.repeats == 0:
        return results
    results["tensor"] = timed(tensor_way, args.repeats)
    if args.vectorize_repeats > 0 and args.dtype == "float64":
        # Only float64 runs as written: torch.tensor([x, y]) of numpy float64 scalars is float64,
        # and float32 X would meet it in `diff @ sigma.inverse()` with a dtype error.
        # np.vectorize makes 10^4 calls of L (seconds per run): warmed up on a 10 x 10 grid.
        assignment_way(10)
        start = now_ms()
        z = assignment_way()
        first = now_ms() - start
        if not np.allclose(z, reference, rtol=1e-4):
            raise RuntimeError("heatmap: the np.vectorize way disagrees with the tensor way")
        results["vectorize"] = [first] + timed(assignment_way, args.vectorize_repeats - 1)
    return results


def import_time(args):
    code = (
        "import time; s = time.perf_counter(); import torch, numpy; "
        "print((time.perf_counter() - s) * 1e3)"
    )
    times = []
    for i in range(args.repeats + 1):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        if i > 0:
            times.append(float(out.stdout.strip()))
    return {"import": times}


def first_op_then_peak_rss(torch):
    (torch.ones(2) + 1).sum().item()
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # Linux: KiB


def info(args):
    import numpy as np
    import torch

    return {
        "python": platform.python_version(),
        "torch": torch.__version__,
        "numpy": np.__version__,
        "torchThreads": torch.get_num_threads(),
        "torchInteropThreads": torch.get_num_interop_threads(),
        "cpuCount": os.cpu_count(),
        # The baseline of the peak-RSS table: torch and numpy imported, a first tensor op, no data.
        "peakRss": first_op_then_peak_rss(torch),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workload", choices=["fit", "heatmap", "import", "info"])
    parser.add_argument("--n", type=int, default=10**4)
    parser.add_argument("--data", help="the raw float32 n x 2 data file written by bench/ours.js")
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--steps", type=int, default=7)
    parser.add_argument("--vectorize-repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=0, help="torch.set_num_threads (0: torch's default)")
    args = parser.parse_args()
    if args.threads > 0:
        import torch

        torch.set_num_threads(args.threads)
    workloads = {"fit": fit, "heatmap": heatmap, "import": import_time, "info": info}
    print(json.dumps(workloads[args.workload](args)))


if __name__ == "__main__":
    main()
