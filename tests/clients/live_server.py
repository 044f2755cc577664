"""A real claimgraphd on loopback for the client tests (tests/clients/).

As a module: LiveServer(build, source) starts one on the example store with
a token per role (auth=False: none, every caller the local admin) and --schema/--rules (so IngestDocument works), on port 0,
and reads the port it took from its log (a port picked here could be taken
by a test running beside this one before the server binds it).

As a script: starts one, runs the command after `--` with
CLAIMGRAPH_TEST_ADDRESS and CLAIMGRAPH_TEST_TOKENS (JSON: role -> token) in
its environment, stops the server and exits with the command's code. The
Node client's tests run so.
"""
import argparse
import json
import os
import pathlib
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROLES = ("reader", "writer", "admin")


def make_certificate(directory, name="server"):
    """A self-signed certificate for 127.0.0.1 and localhost, for serve
    --tls-cert/--tls-key and a client's tls_ca: (cert, key) paths."""
    cert, key = os.path.join(directory, f"{name}.crt"), os.path.join(directory, f"{name}.key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


class LiveServer:
    def __init__(self, build, source, load_examples=True, listen="127.0.0.1:0", data=None, auth=True,
                 flags=()):
        self.build = pathlib.Path(build)
        self.source = pathlib.Path(source)
        self.tmp = tempfile.mkdtemp(prefix="client_test.")
        self.data = data or os.path.join(self.tmp, "data")
        exe = str(self.build / "server" / "claimgraphd")
        if load_examples and data is None:
            src = self.source / "examples"
            done = subprocess.run([exe, "import", "--data", self.data, "--schema", str(src / "schema.json"),
                                   str(src / "claims.jsonl"), str(src / "five-eyes.nq")],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if done.returncode != 0:
                raise RuntimeError(f"claimgraphd import failed ({done.returncode}):\n{done.stdout}")
        self.tokens = {role: f"{role}-{secrets.token_hex(12)}" for role in ROLES}
        self.auth = os.path.join(self.tmp, "auth.json")
        pathlib.Path(self.auth).write_text(json.dumps({"tokens": [
            {"token": self.tokens[r], "principal": p, "role": r}
            for r, p in zip(ROLES, ("rita", "walt", "ada"))]}))
        self.log_path = os.path.join(self.tmp, "claimgraphd.log")
        with open(self.log_path, "w") as log:
            self.proc = subprocess.Popen(
                [exe, "serve", "--data", self.data, "--listen", listen, *(["--auth-file", self.auth] if auth else []),
                 "--schema", str(self.source / "examples" / "schema.json"),
                 "--rules", str(self.source / "examples" / "ingest" / "rules.json"), *flags],
                stdout=log, stderr=subprocess.STDOUT)
        self.port = self._port_in_log()
        self.address = f"127.0.0.1:{self.port}"

    def _port_in_log(self):
        deadline = time.time() + 30
        while time.time() < deadline:
            m = re.search(r"\(port (\d+)\)", self.log())
            if m:
                return int(m.group(1))
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"claimgraphd did not say its port:\n{self.log()}")

    def log(self):
        try:
            return pathlib.Path(self.log_path).read_text()
        except OSError:
            return ""

    def kill(self):
        """Gone at once, mid-call: SIGKILL."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def stop(self, remove=True):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if remove:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--source", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    with LiveServer(args.build, args.source) as server:
        env = dict(os.environ, CLAIMGRAPH_TEST_ADDRESS=server.address,
                   CLAIMGRAPH_TEST_TOKENS=json.dumps(server.tokens),
                   CLAIMGRAPH_BINARY_DIR=str(args.build), CLAIMGRAPH_SOURCE_DIR=str(args.source))
        code = subprocess.call(command, env=env)
        if code != 0:
            print(f"claimgraphd's log:\n{server.log()[-4000:]}", file=sys.stderr)
    sys.exit(code)


if __name__ == "__main__":
    main()
