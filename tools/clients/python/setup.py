"""Builds the package's gRPC stubs from proto/ (pyproject.toml has the rest).

The stubs are generated, not committed, so the package can never disagree
with the .proto it was built from. protoc and grpc_python_plugin are
Debian's (protobuf-compiler, protobuf-compiler-grpc: what the C++ build uses
too); $PROTOC, $GRPC_PYTHON_PLUGIN and $CLAIMGRAPH_PROTO_DIR override where
they and the .proto are found.
"""
import os
import pathlib
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = pathlib.Path(__file__).resolve().parent
PROTO = pathlib.Path("claimgraph/v1/claimgraph.proto")


def tool(env, name):
    found = os.environ.get(env) or shutil.which(name)
    if not found:
        raise SystemExit(f"claimgraph: {name} not found (apt-get install protobuf-compiler protobuf-compiler-grpc, "
                         f"or set ${env})")
    return found


class BuildWithStubs(build_py):
    def run(self):
        super().run()
        proto_dir = pathlib.Path(os.environ.get("CLAIMGRAPH_PROTO_DIR", HERE.parent.parent.parent / "proto"))
        if not (proto_dir / PROTO).is_file():
            raise SystemExit(f"claimgraph: {proto_dir / PROTO} not found: build from the claimgraph source tree "
                             "or set $CLAIMGRAPH_PROTO_DIR")
        out = pathlib.Path(self.build_lib)
        (out / "claimgraph" / "v1").mkdir(parents=True, exist_ok=True)
        subprocess.run([tool("PROTOC", "protoc"), f"-I{proto_dir}", f"--python_out={out}", f"--grpc_python_out={out}",
                        f"--plugin=protoc-gen-grpc_python={tool('GRPC_PYTHON_PLUGIN', 'grpc_python_plugin')}",
                        str(proto_dir / PROTO)], check=True)


setup(cmdclass={"build_py": BuildWithStubs})
