"""A real Virtuoso Open Source server on loopback, for the remote-store tests.

``VirtuosoServer(folder).start()`` writes a ``virtuoso.ini`` into ``folder`` (database, log and
transaction files there too), picks two free 127.0.0.1 ports (SQL and HTTP), starts ``virtuoso-t``
in the foreground as a child process and waits until ``/sparql`` answers; ``stop()`` ends that
process.  A fresh database has the ``dba`` account with password ``dba``: updates go to the
Digest-protected ``/sparql-auth`` and Graph Store loads to ``/sparql-graph-crud-auth``.

When ``virtuoso-t`` is missing, :func:`ensure_installed` installs Debian's
``virtuoso-opensource`` package with apt-get (the tests run as root, in CI too).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import httpx

#: The Debian package and the server binary it provides.
PACKAGE, BINARY = "virtuoso-opensource", "virtuoso-t"
#: Seconds to wait for a fresh server to answer.
START_TIMEOUT = 90.0
USER = PASSWORD = "dba"

_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
"""


def ensure_installed() -> str:
    """The path of ``virtuoso-t``, installing the Debian package first when it is missing."""
    found = shutil.which(BINARY)
    if found:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise OSError(f"{BINARY} is not installed and cannot be installed here (needs root and "
                      f"apt-get); install it with: apt-get install -y {PACKAGE}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-q", PACKAGE], check=True, env=env, capture_output=True)
    found = shutil.which(BINARY)
    if not found:
        raise OSError(f"apt-get installed {PACKAGE} but {BINARY} is still not on PATH")
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class VirtuosoServer:
    """One Virtuoso process with its database in ``folder`` (see the module notes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.http_port, self.sql_port = _free_port(), _free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self._process: subprocess.Popen | None = None
        self._log = None

    @property
    def query_url(self) -> str:
        return self.url + "/sparql"

    @property
    def update_url(self) -> str:
        return self.url + "/sparql-auth"

    @property
    def graph_store_url(self) -> str:
        return self.url + "/sparql-graph-crud-auth"

    def version(self) -> str:
        """The server's own name for itself (``Virtuoso/07.20.3229 ...``, from its HTTP header)."""
        return httpx.get(self.query_url, timeout=10).headers.get("server", "")

    def start(self) -> VirtuosoServer:
        """Start the server and wait until ``/sparql`` answers."""
        binary = ensure_installed()
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(_INI.format(folder=self.folder, sql_port=self.sql_port, http_port=self.http_port),
                       encoding="utf-8")
        self._log = open(self.folder / "stdout.log", "wb")
        self._process = subprocess.Popen([binary, "+configfile", str(ini), "+foreground"],
                                         cwd=self.folder, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise OSError(f"{binary} exited with status {self._process.returncode}; see "
                              f"{self.folder / 'virtuoso.log'}")
            try:
                if httpx.get(self.query_url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.3)
        self.stop()
        raise OSError(f"Virtuoso did not answer on {self.query_url} within {START_TIMEOUT} s")

    def stop(self) -> None:
        """End the server process (SIGTERM, then SIGKILL after 20 s)."""
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
        self._process = None
        if self._log is not None:
            self._log.close()
            self._log = None
