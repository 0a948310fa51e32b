"""MkDocs hook: convert the pages' Markdown on every core of the machine, not on one.

Turning Markdown into HTML is most of a build's time (about 12 s of 37 at 1,000 units, one unit
page after another). Before MkDocs reads the pages, this hook forks worker processes that each do,
for their share of the pages, exactly what MkDocs would do next (``read_source``, the
``on_page_markdown`` events, ``render``), and hands back the HTML, table of contents, title and
anchors. MkDocs then goes through its own loop as usual: for a converted page this hook gives it
empty Markdown to render (instant) and puts the workers' results back before any other
``on_page_content`` event sees the page, so the site is byte-identical to a one-core build
(``tests/test_parallel_build.py``).

Only ``mkdocs build`` on a system that can fork, with more than one core, a single thread (a fork
of a threaded process can deadlock) and enough pages to pay for the workers; ``mkdocs serve``
builds as MkDocs always does. ``JINGLAO_BUILD_WORKERS=N`` sets the workers (1: off).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.jinglao")
MIN_PAGES = 200  # below this, forking costs more than it saves
_state: dict[str, Any] = {}  # what the forked workers inherit, and the results for the parent


# What a worker computed for one page, as MkDocs's page loop would: Markdown after the plugins,
# HTML, table of contents, title, anchors present, links to anchors (by the linked src_uri). Plain
# tuples: the hook module is loaded from a path, so its own classes cannot cross a pipe.
Rendered = tuple[str, str, Any, Any, Any, Any]


def on_startup(command: str, dirty: bool) -> None:
    _state.clear()
    _state["build"] = command == "build"


def _workers(pages: int) -> int:
    """``JINGLAO_BUILD_WORKERS`` if set (1: off), else the cores, when there are pages enough."""
    wanted = os.environ.get("JINGLAO_BUILD_WORKERS", "")
    if wanted.isdigit():
        return int(wanted)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return min(cores or 1, 8) if pages >= MIN_PAGES else 1


def _render(src_uris: list[str]) -> dict[str, Rendered]:
    """In a worker: what MkDocs's own page loop would compute for these pages."""
    config, files = _state["config"], _state["files"]
    _state["in_worker"] = True
    done = {}
    for src_uri in src_uris:
        file = files.get_file_from_path(src_uri)
        page = file.page or Page(None, file, config)
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(
            page.markdown, page=page, config=config, files=files
        )
        page.render(config, files)
        links = page.links_to_anchors
        done[src_uri] = (
            page.markdown,
            page.content,
            page.toc,
            page._title_from_render,
            page.present_anchor_ids,
            {f.src_uri: v for f, v in links.items()} if links is not None else None,
        )
    return done


def _worker(share: list[str], pipe: Any) -> None:
    try:
        pipe.send(_render(share))
    except BaseException:  # the parent renders these pages itself and reports what fails
        pipe.send(None)
    finally:
        pipe.close()


def _render_in_workers(shares: list[list[str]]) -> dict[str, Rendered] | None:
    """Fork one worker per share (the target is inherited, not pickled); None if any failed."""
    context = multiprocessing.get_context("fork")
    running = []
    for share in shares:
        receive, send = context.Pipe(duplex=False)
        worker = context.Process(target=_worker, args=(share, send), daemon=True)
        worker.start()
        send.close()
        running.append((worker, receive))
    results: list[dict[str, Rendered] | None] = []
    for worker, receive in running:
        try:
            results.append(receive.recv())  # before join: a full pipe would block the worker
        except EOFError:
            results.append(None)
        worker.join()
    rendered: dict[str, Rendered] = {}
    for result in results:
        if result is None:
            return None
        rendered.update(result)
    return rendered


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    pages = [f.src_uri for f in files.documentation_pages() if f.inclusion.is_included()]
    workers = _workers(len(pages))
    if not _state.get("build") or workers < 2:
        return nav
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return nav
    _state.update(config=config, files=files)
    start = time.perf_counter()
    _state["rendered"] = _render_in_workers([pages[i::workers] for i in range(workers)]) or {}
    if _state["rendered"]:
        seconds = time.perf_counter() - start
        log.info(f"页面转换：{len(pages)} 个页面，{workers} 个进程同时进行，{seconds:.1f} 秒")
    return nav


@event_priority(-100)  # after every other plugin's Markdown event, which the workers ran
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    if _state.get("in_worker") or page.file.src_uri not in _state.get("rendered", {}):
        return markdown
    return ""


@event_priority(100)  # before any other plugin sees the page's HTML
def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    rendered: Rendered | None = _state.get("rendered", {}).pop(page.file.src_uri, None)
    if rendered is None:
        return html
    page.markdown, content, page.toc, page._title_from_render, page.present_anchor_ids, links = (
        rendered
    )
    if links is not None:
        page.links_to_anchors = {files.get_file_from_path(uri): by for uri, by in links.items()}
    return str(content)
