"""`make bench`: load on the CDS Hooks service over loopback, measured and written down.

A real `dmt-advisor serve` (2 engine workers) answers order-sign for an MS patient with full
prefetch, at 1, 10 and 50 concurrent clients; each level is bounded in request count and time.
Figures: p50 / p95 latency, errors, throughput. A CDS client's budget is about 500 ms.
Written to bench/service-load.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

from tests.service.conftest import bundle, draft_order, prefetch, start_service, stop_service

LEVELS = ((1, 40), (10, 200), (50, 400))  # (concurrent clients, requests)
TIME_CAP_S = 60.0


def run_level(svc, clients: int, total: int) -> dict[str, float]:
    body_base = {"hook": "order-sign",
                 "context": {"userId": "Practitioner/1", "patientId": "p1",
                             "draftOrders": draft_order("1876366", "ocrelizumab")},
                 "prefetch": prefetch(bundle("ms-rrms-new-referral.json"))}
    path = "/cds-services/dmt-advisor-order-sign"
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(total))
    deadline = time.perf_counter() + TIME_CAP_S

    def worker() -> None:
        nonlocal errors
        with httpx.Client(timeout=30) as client:
            while time.perf_counter() < deadline:
                with lock:
                    if next(counter, None) is None:
                        return
                token = svc.token(path)
                body = body_base | {"hookInstance": str(uuid.uuid4())}
                start = time.perf_counter()
                try:
                    ok = client.post(svc.base + path, json=body, headers={
                        "Authorization": f"Bearer {token}"}).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - start
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    q = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {"clients": clients, "requests": len(latencies), "errors": errors,
            "p50_ms": q[49] * 1000, "p95_ms": q[94] * 1000, "rps": len(latencies) / wall}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path("bench/service-load.md"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        svc = start_service(Path(tmp), workers=2)
        try:
            run_level(svc, 2, 10)  # warm-up, not reported
            rows = [run_level(svc, c, n) for c, n in LEVELS]
        finally:
            stop_service(svc)
    lines = [
        "# CDS Hooks service under load (loopback)", "",
        f"Measured {dt.date.today()} on {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}; `dmt-advisor serve` with 2 engine "
        "worker processes; order-sign for ocrelizumab with full prefetch (MS new-referral "
        "bundle); every request carries a fresh ES384 JWT. Budget of a CDS client: ~500 ms.",
        f"Each level is capped at {TIME_CAP_S:.0f} s.", "",
        "| concurrent clients | requests | errors | p50 (ms) | p95 (ms) | requests/s |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [f"| {r['clients']} | {r['requests']} | {r['errors']} | {r['p50_ms']:.0f} | "
              f"{r['p95_ms']:.0f} | {r['rps']:.1f} |" for r in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
