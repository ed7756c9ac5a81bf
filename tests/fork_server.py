"""Fresh Django processes, forked: the `run_django` fixture's way to start one per environment.

A Python process that imports Django and sets it up spends about half of that second importing
Django's own modules, which read no setting. The server below imports those once, then forks a
child for each piece of code to run: the child takes the environment it is given, sets Django up
(reading the project's settings for the first time in that process) and runs the code, as
`python -c` would, with its own output, error output and exit status. Nothing of the project
is imported before the fork.
"""

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

SERVER = r"""
import json
import os
import sys
import traceback

# Django's own modules that every set-up process imports, and libraries the site loads with
# its settings or URLs: none reads a setting or starts a thread.
import django
import django.core.management
import django.db.backends.postgresql.base
import django.db.backends.sqlite3.base
import django.db.models
import django.forms
import django.http
import django.template
import django.urls
import redis
import segno

requests, replies = sys.stdin, sys.stdout
for line in requests:
    request = json.loads(line)
    child = os.fork()
    if child == 0:
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            os.dup2(os.open(path, os.O_WRONLY | os.O_TRUNC), fd)
        sys.stdin = open(os.devnull)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        status = 0
        try:
            exec(compile(request["code"], "<string>", "exec"), {"__name__": "__main__"})
        except SystemExit as exit:
            if isinstance(exit.code, int) or exit.code is None:
                status = exit.code or 0
            else:
                print(exit.code, file=sys.stderr)
                status = 1
        except BaseException:
            traceback.print_exc()
            status = 1
        import atexit
        import logging

        atexit._run_exitfuncs()
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    _, wait_status = os.waitpid(child, 0)
    replies.write(json.dumps(os.waitstatus_to_exitcode(wait_status)) + "\n")
    replies.flush()
"""


class ForkServer:
    """One server process (per pytest process), started when first needed."""

    def __init__(self, cwd: Path, env: dict[str, str]):
        self.cwd, self.env = cwd, env
        self.process: subprocess.Popen | None = None

    def run(self, code: str, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                [sys.executable, "-c", SERVER],
                cwd=self.cwd,
                env=self.env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                start_new_session=True,  # its own process group: the server and its children
            )
        with tempfile.TemporaryDirectory() as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            out.touch()
            err.touch()
            request = {"code": code, "env": env, "cwd": str(self.cwd)}
            request |= {"stdout": str(out), "stderr": str(err)}
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
            ready, _, _ = select.select([self.process.stdout], [], [], timeout)
            if not ready:
                self.stop()
                raise subprocess.TimeoutExpired(["<forked>", code[:60]], timeout)
            reply = self.process.stdout.readline()
            if not reply:
                raise RuntimeError(f"the fork server ended ({self.process.wait()})")
            returncode = json.loads(reply)
            return subprocess.CompletedProcess(
                ["<forked>"], returncode, out.read_text(), err.read_text()
            )

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None
