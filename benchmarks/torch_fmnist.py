#!/usr/bin/python3
"""Row a of benchmarks/time-to-accuracy.sh: PyTorch on Fashion-MNIST, the peer we measure against.

784-256-128-10 (ReLU, ReLU, softmax + cross-entropy as nn.CrossEntropyLoss on logits), Adam
lr 1e-3 (eps 1e-8, PyTorch's), batch 128, data reshuffled every epoch, test accuracy on the 10k
test images after each epoch. As ../shared/bench/train_torch.py: pre-loaded tensors, each step
gathers its rows with index_select (counted in the training time), evaluation time excluded.

Threads: torch.set_num_threads(--threads) for torch's own pool; OpenBLAS's pool is sized by
OPENBLAS_NUM_THREADS, which must be set before torch loads (the shell script sets it to
--blas-threads); threadpoolctl, when installed, sets it again and reports it. On two cores,
torch 1 thread + OpenBLAS 2 threads is the fastest setting measured (../shared/bench/README.md).

--flush-denormal calls torch.set_flush_denormal(True): subnormal floats read and written as
zero, which spares the CPU's slow path for the Adam moments of weights whose gradient stays
zero (sparkmlp zeroes those itself, optim.Subnormals). It made PyTorch's one-core epoch 0-16%
faster in kernel-vs-pytorch.sh's runs on an Intel Xeon, which measures PyTorch both ways and
compares with the faster.

Writes the row as JSON (--json): startup_s (interpreter start to torch imported), data_s,
train_s, curve [[training seconds, test accuracy] per epoch], final_acc.

usage: torch_fmnist.py [--epochs 12] [--threads 1] [--blas-threads 2] [--seed 0]
                       [--flush-denormal] [--json FILE]
"""
import argparse
import gzip
import json
import os
import struct
import time


def since_process_start():
    """Seconds since this process started (Linux: /proc), so start-up includes the interpreter."""
    with open("/proc/self/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


ap = argparse.ArgumentParser()
ap.add_argument("--epochs", type=int, default=12)
ap.add_argument("--threads", type=int, default=1)
ap.add_argument("--blas-threads", type=int, default=2)
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--data", default=os.environ.get("FMNIST_DIR", "/usr/share/datasets/fashion-mnist"))
ap.add_argument("--flush-denormal", action="store_true")
ap.add_argument("--json", default=None)
ap.add_argument("--row", default="a")
args = ap.parse_args()

os.environ["OPENBLAS_NUM_THREADS"] = str(args.blas_threads)  # before numpy/torch load OpenBLAS
import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402

blas = "OPENBLAS_NUM_THREADS=%d" % args.blas_threads
try:
    import threadpoolctl  # noqa: E402
    threadpoolctl.threadpool_limits(limits=args.blas_threads, user_api="blas")
    pools = ["%s %s threads" % (i.get("internal_api"), i.get("num_threads"))
             for i in threadpoolctl.threadpool_info() if i.get("user_api") == "blas"]
    blas = "; ".join(pools) or blas + " (threadpoolctl sees no BLAS pool: not OpenBLAS?)"
except ImportError:
    pass
torch.set_num_threads(args.threads)
if args.flush_denormal and not torch.set_flush_denormal(True):
    raise SystemExit("torch_fmnist.py: --flush-denormal: this CPU has no flush-to-zero mode")
torch.manual_seed(args.seed)
startup_s = since_process_start()


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = struct.unpack(">I", data[:4])[0] & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


t0 = time.perf_counter()
images = lambda name: torch.from_numpy(
    read_idx(os.path.join(args.data, name)).reshape(-1, 784).astype(np.float32) / 255.0)
labels = lambda name: torch.from_numpy(read_idx(os.path.join(args.data, name)).astype(np.int64))
Xtr, ytr = images("train-images-idx3-ubyte.gz").contiguous(), labels("train-labels-idx1-ubyte.gz")
Xte, yte = images("t10k-images-idx3-ubyte.gz").contiguous(), labels("t10k-labels-idx1-ubyte.gz")
data_s = time.perf_counter() - t0
N, batch = Xtr.shape[0], 128

model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(),
                      nn.Linear(128, 10))
crit = nn.CrossEntropyLoss()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
g = torch.Generator().manual_seed(args.seed)


def evaluate():
    model.eval()
    with torch.no_grad():
        pred = model(Xte).argmax(1)
    model.train()
    return (pred == yte).float().mean().item()


curve, trained = [], 0.0
for ep in range(1, args.epochs + 1):
    t0 = time.perf_counter()
    perm = torch.randperm(N, generator=g)
    for i in range(0, N, batch):
        idx = perm[i:i + batch]
        xb, yb = Xtr.index_select(0, idx), ytr.index_select(0, idx)
        opt.zero_grad(set_to_none=True)
        loss = crit(model(xb), yb)
        loss.backward()
        opt.step()
    trained += time.perf_counter() - t0
    acc = evaluate()
    curve.append([trained, acc])
    print("torch epoch %d: %.2f s of training, loss %.4f, test accuracy %.4f"
          % (ep, trained, loss.item(), acc), flush=True)

settings = "torch %s, %d torch thread(s), %s, OPENBLAS_CORETYPE=%s, Adam batch %d%s" % (
    torch.__version__, torch.get_num_threads(), blas,
    os.environ.get("OPENBLAS_CORETYPE", "unset"), batch,
    ", flush denormal" if args.flush_denormal else "")
row = dict(row=args.row, mode="torch", dataset="fmnist", settings=settings,
           startup_s=startup_s, data_s=data_s, train_s=trained, final_acc=curve[-1][1],
           epochs=args.epochs, unit="epochs", curve=curve, peer=True)
if args.json:
    with open(args.json, "w") as f:
        json.dump(row, f, indent=1)
