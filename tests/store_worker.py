"""A separate process writing to a store, for the concurrency and crash tests.

python -m tests.store_worker write URL WRITER N      N reports, one transaction each, after a line on stdin
python -m tests.store_worker crash URL N             N reports in one transaction; says "half" and waits
"""

from __future__ import annotations

import sys

from analytics.store import Report, Store


def report(writer: str, i: int) -> Report:
    return Report(
        "trondheim",
        f"m-{writer}",
        f"{2000 + i}",
        "i_rute",
        progress=i % 101,
        comment=f"{writer}/{i}",
        reporter=f"writer {writer}",
    )


def main(mode: str, url: str, *args: str) -> None:
    store = Store(url)
    if mode == "write":
        writer, n = args[0], int(args[1])
        print("ready", flush=True)
        sys.stdin.readline()  # the go signal: every writer starts together
        for i in range(n):
            store.add([report(writer, i)])
        print("done", flush=True)
    elif mode == "crash":
        n = int(args[0])

        def halfway(written: int) -> None:
            if written == n // 2:
                print("half", flush=True)
                sys.stdin.readline()  # killed here, in the middle of the transaction

        store.add((report("crash", i) for i in range(n)), progress=halfway)


if __name__ == "__main__":
    main(*sys.argv[1:])
