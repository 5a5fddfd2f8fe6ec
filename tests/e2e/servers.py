"""Start JupyterLab and Voilà on 127.0.0.1 and always stop them, kernels included.

Each server runs in its own process group. Kernels are started by jupyter_client in *new*
sessions (so Ctrl-C does not reach them), which means killing the server's group is not
enough: on stop we also collect every descendant process and kill what is still alive.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psutil

HOST = "127.0.0.1"
START_TIMEOUT_S = 90.0
STOP_GRACE_S = 10.0
PR_SET_PDEATHSIG = 1

# Settings a learner's lab would fetch or do on its own; a test run must not.
LAB_USER_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # Keep every cell in the DOM so that checks over outputs see the whole notebook.
    # "Always start the preferred kernel", as a learner ticks it once.
    "@jupyterlab/notebook-extension/tracker": {
        "windowingMode": "none",
        "autoStartDefaultKernel": True,
    },
}


def free_port() -> int:
    """A port free on 127.0.0.1 right now (the server is started with port_retries=0)."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class ServerProcess:
    """A server started in its own process group, with its log kept for error messages."""

    name: str
    command: list[str]
    port: int
    token: str
    log_path: Path
    env: dict[str, str]
    cwd: Path
    process: subprocess.Popen | None = None
    _seen_descendants: set[int] = field(default_factory=set)

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, ready_path: str) -> None:
        """Start the server and wait until it answers HTTP on ``ready_path``."""
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                self.command,
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"{self.name} exited with code {self.process.returncode} while starting:\n"
                    f"{self.log_tail()}"
                )
            try:
                with self.get(ready_path, timeout=2.0):
                    return
            except urllib.error.HTTPError:
                return  # it answers (a login redirect or 404 still means it is serving)
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.25)
        raise TimeoutError(
            f"{self.name} did not answer {ready_path} within {START_TIMEOUT_S:.0f}s:\n"
            f"{self.log_tail()}"
        )

    def request(self, method: str, path: str, timeout: float = 10.0):
        """An HTTP request to the server with its token (only ever to 127.0.0.1)."""
        req = urllib.request.Request(
            self.base_url + path,
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        return urllib.request.urlopen(req, timeout=timeout)

    def get(self, path: str, timeout: float = 10.0):
        return self.request("GET", path, timeout=timeout)

    def get_json(self, path: str) -> object:
        with self.get(path) as response:
            return json.loads(response.read().decode())

    def remember_descendants(self) -> None:
        """Note the kernels started so far: they live in sessions of their own."""
        if self.process is None:
            return
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return
        self._seen_descendants.update(child.pid for child in children)

    def stop(self) -> None:
        """Stop the server, its process group and every process it started. Idempotent."""
        if self.process is None:
            return
        self.remember_descendants()
        pgid = self.process.pid  # start_new_session makes the server its group leader
        if self.process.poll() is None:
            _signal_group(pgid, signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_GRACE_S)
            except subprocess.TimeoutExpired:
                _signal_group(pgid, signal.SIGKILL)
                self.process.wait(timeout=STOP_GRACE_S)
        _signal_group(pgid, signal.SIGKILL)  # anything left in the group
        _kill_pids(self._seen_descendants)
        self.process = None

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])


def _die_with_parent() -> None:
    """In the child, Linux only: SIGTERM it when pytest dies without running its finalizers
    (killed with SIGKILL, say). The server then shuts its kernels down itself."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _kill_pids(pids: set[int]) -> None:
    """Terminate, then kill, the given processes if they still exist."""
    alive = []
    for pid in pids:
        try:
            proc = psutil.Process(pid)
            proc.terminate()
            alive.append(proc)
        except psutil.NoSuchProcess:
            continue
    _, still_alive = psutil.wait_procs(alive, timeout=5)
    for proc in still_alive:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            continue
    psutil.wait_procs(still_alive, timeout=5)


def write_lab_user_settings(settings_dir: Path) -> None:
    """Write JupyterLab user settings (``<plugin>.jupyterlab-settings`` files)."""
    for plugin, values in LAB_USER_SETTINGS.items():
        package, plugin_name = plugin.rsplit("/", 1)
        path = settings_dir / package / f"{plugin_name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))


def isolated_env(base: Path, extra: dict[str, str]) -> dict[str, str]:
    """Environment for a server: Jupyter config, runtime, settings, workspaces under ``base``."""
    env = dict(os.environ)
    for name, sub in (
        ("JUPYTER_CONFIG_DIR", "config"),
        ("JUPYTER_RUNTIME_DIR", "runtime"),
        ("JUPYTERLAB_SETTINGS_DIR", "lab-settings"),
        ("JUPYTERLAB_WORKSPACES_DIR", "lab-workspaces"),
    ):
        path = base / sub
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    env.update(extra)
    return env


def lab_command(port: int, token: str, root_dir: Path) -> list[str]:
    """JupyterLab on 127.0.0.1 only, no browser, no news, no update check, no extension manager."""
    command = [
        *(sys.executable, "-m", "jupyter", "lab"),
        "--no-browser",
        f"--ServerApp.ip={HOST}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]
    if running_as_root():
        command.append("--allow-root")
    return command


def voila_command(notebook: Path, port: int, token: str) -> list[str]:
    """The command of ``make app``, on a free port and with a token."""
    return [
        *(sys.executable, "-m", "voila", str(notebook)),
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={HOST}",
        f"--token={token}",
    ]
