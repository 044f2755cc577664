#!/usr/bin/env bash
# Installs tools/clients/python as a user would -- pip, no network, Debian's
# setuptools, grpcio and protobuf (a venv with the system site packages) --
# into BUILD/clients/python-venv, for client_test.py. The package is built
# from a copy, so that pip's in-tree build writes nothing into the source tree.
#   install_venv.sh SOURCE_DIR OUT_DIR PYTHON3
set -euo pipefail
src=$1 out=$2 python=$3
venv=$out/python-venv
copy=$out/python-package
rm -rf "$venv" "$copy"
mkdir -p "$copy"
(cd "$src/tools/clients/python" && tar --exclude=./build --exclude='./src/*.egg-info' -cf - .) | (cd "$copy" && tar -xf -)
"$python" -m venv --system-site-packages "$venv"
CLAIMGRAPH_PROTO_DIR="$src/proto" "$venv/bin/python" -m pip install --quiet --no-build-isolation --no-index \
  --no-cache-dir --disable-pip-version-check "$copy"
# The stubs came from this tree's proto: a field added last must be there.
"$venv/bin/python" -c 'import claimgraph.v1.claimgraph_pb2 as pb; assert "integers" in pb.QueryRequest.DESCRIPTOR.fields_by_name'
echo "installed claimgraph into $venv"
