"""The one exception the client raises, whatever went wrong."""
import re
from typing import Optional

import grpc

# "line 1:10: unknown predicate ..." (the server's messages for syntax and
# semantic errors start so; columns count characters, 1-based).
_POSITION = re.compile(r"^line (\d+):(\d+)")


class ClaimgraphError(Exception):
    """A failed call: the gRPC status code, the server's message (meant for a
    person) and, when the message names a position in the statement, its
    line and column (1-based, in characters)."""

    def __init__(self, code: grpc.StatusCode, message: str):
        self.code = code
        self.message = message
        m = _POSITION.match(message)
        self.line: Optional[int] = int(m.group(1)) if m else None
        self.column: Optional[int] = int(m.group(2)) if m else None
        super().__init__(f"{code.name}: {message}")


def code_of_number(number: int) -> grpc.StatusCode:
    """A status code from its number (a Session statement's error carries one)."""
    return next((c for c in grpc.StatusCode if c.value[0] == number), grpc.StatusCode.UNKNOWN)


def from_rpc_error(error: grpc.RpcError) -> ClaimgraphError:
    code = error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN
    details = error.details() if hasattr(error, "details") else str(error)
    return ClaimgraphError(code or grpc.StatusCode.UNKNOWN, details or (code.name if code else "unknown error"))


def invalid_argument(message: str) -> ClaimgraphError:
    """A request the client refuses before sending it (as the server would)."""
    return ClaimgraphError(grpc.StatusCode.INVALID_ARGUMENT, message)
