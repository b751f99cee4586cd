"""The build's notebook kernels get their ports from below the ephemeral range (book/_ext/kernel_ports.py)."""
import os
import random
import socket
import sys
import time

import pytest
from jupyter_client.connect import LocalPortCache

from conftest import ROOT

sys.path.insert(0, str(ROOT / "book" / "_ext"))
import kernel_ports  # noqa: E402

START = kernel_ports.ephemeral_start()
pytestmark = pytest.mark.skipif(START is None, reason="the system does not say its ephemeral port range")


def free_ports(n: int) -> list[int]:
    """``n`` ports just below the ephemeral range that can be bound now. The build's and other tests' kernels take
    ports from the same range at the same time, and a port a kernel let go of stays unbindable for a while
    (TIME_WAIT): a fixed port failed this file once, in a whole suite from a fresh clone."""
    found = []
    for port in range(START - 1, START - kernel_ports.PORTS_BELOW, -1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == n:
            return found
    pytest.fail(f"fewer than {n} free ports below the ephemeral range")


@pytest.fixture(autouse=True)
def claims(tmp_path, monkeypatch):
    """A folder of claims of this test's own, as if no other process had chosen a port."""
    monkeypatch.setattr(kernel_ports, "CLAIMS", tmp_path / "claims")
    return tmp_path / "claims"


def test_ports_are_free_distinct_and_below_the_ephemeral_range():
    cache = LocalPortCache()
    ports = [kernel_ports.find_available_port(cache, "127.0.0.1") for _ in range(10)]
    assert len(set(ports)) == 10
    assert all(START - kernel_ports.PORTS_BELOW <= p < START for p in ports), ports
    for port in ports:
        with socket.socket() as s:
            s.bind(("127.0.0.1", port))  # free for the kernel to take


def test_a_port_in_use_is_passed_over(monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        [free] = free_ports(1)
        picks = iter([busy, free])
        monkeypatch.setattr(random, "randrange", lambda *_: next(picks))
        assert kernel_ports.find_available_port(LocalPortCache(), "127.0.0.1") == free


def test_a_port_another_process_chose_is_passed_over_until_its_claim_is_old(monkeypatch, claims):
    """Two processes start kernels at once: a port one of them has just chosen (its claim in the shared folder) is
    not chosen by the other, which has its own port cache; a claim over CLAIM_SECONDS old no longer holds."""
    first, second = free_ports(2)
    monkeypatch.setattr(random, "randrange", lambda *_: first)
    assert kernel_ports.find_available_port(LocalPortCache(), "127.0.0.1") == first
    picks = iter([first, second])
    monkeypatch.setattr(random, "randrange", lambda *_: next(picks))
    assert kernel_ports.find_available_port(LocalPortCache(), "127.0.0.1") == second  # another process
    old = time.time() - kernel_ports.CLAIM_SECONDS - 1
    os.utime(claims / str(first), (old, old))
    monkeypatch.setattr(random, "randrange", lambda *_: first)
    assert kernel_ports.find_available_port(LocalPortCache(), "127.0.0.1") == first


def test_where_no_claim_can_be_written_ports_are_chosen_as_before(monkeypatch, tmp_path):
    (tmp_path / "a-file").write_text("")
    monkeypatch.setattr(kernel_ports, "CLAIMS", tmp_path / "a-file" / "claims")  # a folder that cannot be made
    port = kernel_ports.find_available_port(LocalPortCache(), "127.0.0.1")
    assert START - kernel_ports.PORTS_BELOW <= port < START
