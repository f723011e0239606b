"""What every response passes through: the trusted-host check, bounded work, security headers.

Plain ASGI middleware, so that they also cover static files, 404s and the errors
FastAPI's own handlers write.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
MAX_BODY_BYTES = 1_000_000
# Search and answers are the costly requests: one client may run this many at once
# (more get 429), and all clients together this many (more wait their turn).
HEAVY_PATHS = ("/api/search", "/api/ask", "/search", "/ask")
PER_CLIENT = 2
IN_ALL = 4
# Pages may load only their own styles, scripts and images; nothing may frame them.
PAGE_POLICY = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
               "form-action 'self'; frame-ancestors 'none'")
# Swagger UI and ReDoc start from an inline script and style themselves inline; ReDoc
# runs a worker from a blob. Their assets still come from this server only.
DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
               "img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
               "frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")


async def reply(send: Send, status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> None:
    """A JSON error response ``{"error": message}`` sent straight from middleware."""
    body = json.dumps({"error": message}, ensure_ascii=False).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
           *((k.encode(), v.encode()) for k, v in headers)]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """CSP, X-Content-Type-Options, X-Frame-Options and Referrer-Policy on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        policy = DOCS_POLICY if scope["path"] in DOCS_PATHS else PAGE_POLICY
        extra = [(b"content-security-policy", policy.encode()), (b"x-content-type-options", b"nosniff"),
                 (b"x-frame-options", b"DENY"), (b"referrer-policy", b"same-origin")]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class TrustedHosts:
    """Answers only requests whose Host is one of ``hosts`` (loopback by default): a page
    of this server cannot be reached under another name (DNS rebinding)."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.hosts = {host.lower().strip("[]") for host in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and "*" not in self.hosts:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").lower()
            if host_name(host) not in self.hosts:
                return await reply(send, 400, f"不受信任的主机名“{host}”：请用 {'、'.join(sorted(self.hosts))} "
                                              "访问，或用 `zhengce serve --allow-host` 添加。")
        await self.app(scope, receive, send)


def host_name(header: str) -> str:
    """The name in a Host header, without its port.

    >>> host_name("[::1]:8000"), host_name("localhost:8000"), host_name("127.0.0.1")
    ('::1', 'localhost', '127.0.0.1')
    """
    if header.startswith("["):
        return header[1:].partition("]")[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Limits:
    """Bounded work: bodies (but uploads) over ``MAX_BODY_BYTES`` get 413 before they are parsed, and
    search and answers run at most ``PER_CLIENT`` at once per client and ``IN_ALL`` in all."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.active: Counter[str] = Counter()
        self.slots: asyncio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if scope["method"] not in ("GET", "HEAD") and not _is_upload(scope):
            body = await self._body(scope, receive, send)
            if body is None:
                return
            receive = _replay(body, receive)
        if not scope["path"].startswith(HEAVY_PATHS):
            return await self.app(scope, receive, send)
        client = (scope.get("client") or ("", 0))[0]
        if self.active[client] >= PER_CLIENT:
            return await reply(send, 429, f"同一客户端最多同时进行 {PER_CLIENT} 个检索或问答：请等前面的完成后再试。",
                               [("retry-after", "1")])
        self.slots = self.slots or asyncio.Semaphore(IN_ALL)
        self.active[client] += 1
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self.active[client] -= 1
                if not self.active[client]:
                    del self.active[client]

        async def send_then_release(message: Message) -> None:
            # The slot is free before the client reads the end of the answer: a client that
            # asks again at once (one request after another) must not find it still taken.
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                release()
            await send(message)

        try:
            async with self.slots:
                await self.app(scope, receive, send_then_release)
        finally:
            release()

    async def _body(self, scope: Scope, receive: Receive, send: Send) -> bytes | None:
        """The whole request body, or None once a 413 has been sent for one too large."""
        too_large = f"请求体超过 {MAX_BODY_BYTES // 1_000_000} MB 的上限：请分批提交。"
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            await reply(send, 413 if length.isdigit() else 400,
                        too_large if length.isdigit() else "Content-Length 须为非负整数。")
            return None
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return None
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > MAX_BODY_BYTES:
                await reply(send, 413, too_large)
                return None
            more = message.get("more_body", False)
        return b"".join(chunks)


def _is_upload(scope: Scope) -> bool:
    """A file upload streams past the JSON limit: the upload routes take the admin token
    and check each file's type and size (zhengce.api.imports) as it is saved."""
    content_type = dict(scope["headers"]).get(b"content-type", b"")
    return content_type.startswith(b"multipart/form-data")


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the body already read, then whatever the client sends next."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replayed
