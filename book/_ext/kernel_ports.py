"""Notebook kernels that do not die at birth: their ports come from outside the ephemeral range.

jupyter_client picks a kernel's five ports by binding port 0 and letting go; the kernel binds
them a moment later (jupyter_client issue 487). Port 0 is taken from the ephemeral range, the
same range every outgoing connection takes its own port from. On a busy machine (the tests'
browsers beside the build) a connection can take the port in that moment; the kernel then dies
("Address already in use", "Kernel died before replying to kernel_info") and the build fails.

Here the build's kernels get ports from just below the ephemeral range, which the system never
hands out by itself; each is checked free by binding it, as jupyter_client checks its own.
Kernels of other processes start at the same moment (the build's two processes, the tests'
kernels and small builds beside it), and two of them once chose the same port before either
bound it: the build failed as above. So a port is also claimed, by a file in a folder all
processes share (``CLAIMS``), which no other process can take for ``CLAIM_SECONDS``.
"""
from __future__ import annotations

import os
import random
import socket
import tempfile
import time
from pathlib import Path

from jupyter_client.connect import LocalPortCache

EPHEMERAL_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
PORTS_BELOW = 12000  # how many ports below the ephemeral range to choose from
TRIES = 200
CLAIMS = Path(tempfile.gettempdir()) / "backease-kernel-ports"  # a file per port a process chose for a kernel
CLAIM_SECONDS = 60  # long after its kernel bound the port (or died): then another process may choose it
_default_find = LocalPortCache.find_available_port


def ephemeral_start() -> int | None:
    """The first port of the system's ephemeral range, or None where the system does not say (not Linux)."""
    try:
        return int(EPHEMERAL_RANGE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def find_available_port(self: LocalPortCache, ip: str) -> int:
    """A free port for a kernel, below the ephemeral range; jupyter_client's own choice if none is found."""
    start = ephemeral_start()
    if start is None or start - PORTS_BELOW < 1024:
        return _default_find(self, ip)
    for _ in range(TRIES):
        port = random.randrange(start - PORTS_BELOW, start)
        if port in self.currently_used_ports:
            continue
        with socket.socket() as probe:
            try:
                probe.bind((ip, port))
            except OSError:
                continue
        if not claim(port):
            continue
        self.currently_used_ports.add(port)
        return port
    return _default_find(self, ip)


def claim(port: int) -> bool:
    """Claim ``port`` for a kernel of this process: False if another process claimed it in the last ``CLAIM_SECONDS``.
    Where no claim can be written (the folder cannot be made or written), the port is the process's, as before."""
    path = CLAIMS / str(port)
    for _ in range(2):  # a stale claim is taken away, once
        try:
            CLAIMS.mkdir(exist_ok=True)
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            return True
        except FileExistsError:
            try:
                if time.time() - path.stat().st_mtime < CLAIM_SECONDS:
                    return False
                path.unlink()
            except FileNotFoundError:
                pass  # another process took the stale claim away first: try to make ours
            except OSError:
                return True
        except OSError:
            return True
    return False


def use() -> None:
    """Kernels this process (and the processes it forks) starts from now on take their ports so."""
    LocalPortCache.find_available_port = find_available_port


def setup(app):
    use()  # the worker processes that execute notebooks are forked from this one
    return {"parallel_read_safe": True, "parallel_write_safe": True}
