"""Suite-wide fixtures: nothing leaves the machine; property tests are reproducible."""

from __future__ import annotations

import ipaddress
import socket

import pytest
from hypothesis import HealthCheck, settings

# Property tests are deterministic (same examples every run) and never time out on a busy
# shared machine: a failure is about the code, not the load.
settings.register_profile(
    "invite-triage",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("invite-triage")

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_local(address: object) -> bool:
    if isinstance(address, (str, bytes)):  # Unix domain socket
        return True
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class NetworkAccessError(RuntimeError):
    """Raised when a test tries to reach another machine."""


def _guarded_connect(self: socket.socket, address: object):
    if not _is_local(address):
        raise NetworkAccessError(f"a test tried to open a network connection to {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object):
    if not _is_local(address):
        raise NetworkAccessError(f"a test tried to open a network connection to {address!r}")
    return _real_connect_ex(self, address)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that opens a connection to anything but this machine."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
