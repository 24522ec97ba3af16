"""The FastAPI application: the REST API under /api/ and the server-rendered pages.

Every request opens the store read-only and closes it afterwards, so `tidings process` can
write between requests (DuckDB lets one process write a file at a time; while it writes,
requests answer 503 with T812 instead of blocking).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import Errors, StoreError, TidingsError
from ..query import Filters, actors, dyads, records
from ..store import Store, open_store
from . import data
from .highlight import highlight, marks_for

PACKAGE = resources.files("tidings.serve")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MAX_LIMIT = 5000

DESCRIPTION = """
Read-only access to a tidings store: articles, the actors they mention, who said what
(quotes) and who did what to whom (PLOVER events with CAMEO codes, Goldstein scores,
dates and places). Every record points into its article's text with character offsets;
`/api/articles/{id}` returns the article's whole JSON document as `tidings extract --json` prints it.

Filters are those of the CLI's query commands: `type` (PLOVER), `actor` (code, country or
name, either side), `country` (ISO alpha-3), `since`/`until` (publication date, inclusive), `limit`.
"""


class StoreUnavailable(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _check_date(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise HTTPException(status_code=422, detail=Errors.T814.format(name=name, value=value)) from None


def make_filters(*, type: str | None = None, actor: str | None = None, country: str | None = None,
                 since: str | None = None, until: str | None = None, text: str | None = None,
                 limit: int = 100) -> Filters:
    """`Filters` from query parameters: empty strings are no filter, dates are checked."""
    return Filters(type=type or None, actor=actor or None, country=country or None,
                   since=_check_date("since", since), until=_check_date("until", until), text=text or None,
                   limit=max(1, min(int(limit), MAX_LIMIT)))


TypeQ = Annotated[str | None, Query(description="PLOVER event type, e.g. REQUEST.")]
ActorQ = Annotated[str | None, Query(description="Actor code, ISO alpha-3 country or name, on either side.")]
CountryQ = Annotated[str | None, Query(description="ISO 3166-1 alpha-3 of source or target (speaker for quotes).")]
SinceQ = Annotated[str | None, Query(description="Published on or after YYYY-MM-DD.")]
UntilQ = Annotated[str | None, Query(description="Published on or before YYYY-MM-DD.")]
TextQ = Annotated[str | None, Query(description="Words the quote (or article) contains.")]
LimitQ = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many records.")]


def _offline_docs_assets() -> str | None:
    """The folder of Swagger UI's files from `fastapi-offline`, if installed (the default loads them from a CDN)."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    folder = resources.files(fastapi_offline) / "static"
    return str(folder) if (folder / "swagger-ui-bundle.js").is_file() else None


def _add_offline_docs(app: FastAPI, folder: str) -> None:
    from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html

    app.mount("/static-docs", StaticFiles(directory=folder), name="static-docs")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="tidings API",
                                   swagger_js_url="/static-docs/swagger-ui-bundle.js",
                                   swagger_css_url="/static-docs/swagger-ui.css",
                                   swagger_favicon_url="/static-docs/favicon.png")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url="/openapi.json", title="tidings API",
                              redoc_js_url="/static-docs/redoc.standalone.js",
                              redoc_favicon_url="/static-docs/favicon.png", with_google_fonts=False)


def get_store(request: Request) -> Iterator[Store]:
    """The app's store, opened read-only for one request and closed after it."""
    db = request.app.state.db
    try:
        store = open_store(db, read_only=not db.startswith(("postgresql://", "postgres://")))
    except StoreError as e:
        raise StoreUnavailable(Errors.T812.format(target=db, detail=e)) from e
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(get_store)]


def create_app(db: str) -> FastAPI:
    """The API and dashboard over the store `db` (a DuckDB file or a postgresql:// URL)."""
    offline_docs = _offline_docs_assets()
    app = FastAPI(title="tidings", version=__version__, description=DESCRIPTION,
                  docs_url=None if offline_docs else "/docs", redoc_url=None if offline_docs else "/redoc",
                  openapi_tags=[{"name": "records", "description": "Events, quotes, actors, dyads, articles."},
                                {"name": "charts", "description": "Aggregates the dashboard draws."},
                                {"name": "export", "description": "The store in standard formats."}])
    app.state.db = db
    templates = Jinja2Templates(directory=str(PACKAGE / "templates"))
    templates.env.globals.update(version=__version__, plover_types=PLOVER_TYPES, quad_names=data.QUAD_NAMES)
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")
    if offline_docs:
        _add_offline_docs(app, offline_docs)

    @app.exception_handler(StoreUnavailable)
    async def store_unavailable(request: Request, exc: StoreUnavailable) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.message}, status_code=503)
        return templates.TemplateResponse(request, "error.html", {"message": exc.message, "title": "store unavailable"},
                                          status_code=503)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith(("/api/", "/static", "/openapi", "/docs", "/redoc")):
            return await http_exception_handler(request, exc)
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        return templates.TemplateResponse(request, "error.html", {"message": message, "title": f"error {exc.status_code}"},
                                          status_code=exc.status_code)

    @app.exception_handler(TidingsError)
    async def tidings_error(request: Request, exc: TidingsError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=500)
        return templates.TemplateResponse(request, "error.html", {"message": str(exc), "title": "error"},
                                          status_code=500)

    # -- REST API -------------------------------------------------------------------------
    @app.get("/api/health", tags=["records"], summary="The store this server reads, and its table counts")
    def api_health(store: StoreDep) -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "store": db, "counts": store.counts()}

    @app.get("/api/stats", tags=["charts"], summary="Counts, publication dates, events per type and quad class")
    def api_stats(store: StoreDep) -> dict[str, Any]:
        return data.stats(store)

    @app.get("/api/events", tags=["records"], summary="Events (CONTRACT records with their article)")
    def api_events(store: StoreDep, type: TypeQ = None, actor: ActorQ = None, country: CountryQ = None,
                   since: SinceQ = None, until: UntilQ = None, limit: LimitQ = 100) -> list[dict[str, Any]]:
        filters = make_filters(type=type, actor=actor, country=country, since=since, until=until, limit=limit)
        return records(store, "events", filters)

    @app.get("/api/quotes", tags=["records"], summary="Quotations (CONTRACT records with their article)")
    def api_quotes(store: StoreDep, actor: ActorQ = None, country: CountryQ = None, text: TextQ = None,
                   since: SinceQ = None, until: UntilQ = None, limit: LimitQ = 100) -> list[dict[str, Any]]:
        filters = make_filters(actor=actor, country=country, text=text, since=since, until=until, limit=limit)
        return records(store, "quotes", filters)

    @app.get("/api/actors", tags=["records"], summary="Actors with their numbers of mentions and articles")
    def api_actors(store: StoreDep, actor: ActorQ = None, country: CountryQ = None,
                   limit: LimitQ = 100) -> list[dict[str, Any]]:
        return data.rows_as_dicts(actors(store, make_filters(actor=actor, country=country, limit=limit)))

    @app.get("/api/dyads", tags=["records"], summary="Events counted by source, target and type")
    def api_dyads(store: StoreDep, type: TypeQ = None, actor: ActorQ = None, since: SinceQ = None,
                  until: UntilQ = None, limit: LimitQ = 100) -> list[dict[str, Any]]:
        filters = make_filters(type=type, actor=actor, since=since, until=until, limit=limit)
        return data.rows_as_dicts(dyads(store, filters))

    @app.get("/api/articles", tags=["records"], summary="Articles, newest first, with their record counts")
    def api_articles(store: StoreDep, text: TextQ = None, since: SinceQ = None, until: UntilQ = None,
                     limit: LimitQ = 100, offset: Annotated[int, Query(ge=0)] = 0) -> list[dict[str, Any]]:
        return data.articles(store, make_filters(text=text, since=since, until=until, limit=limit), offset=offset)

    @app.get("/api/articles/{article_id}", tags=["records"],
             summary="One article's whole JSON document (as `tidings extract --json` prints it)")
    def api_article(store: StoreDep, article_id: Annotated[str, Path(description="The article's id (SHA-1)")]
                    ) -> dict[str, Any]:
        document = data.document(store, article_id)
        if document is None:
            raise HTTPException(status_code=404, detail=Errors.T813.format(id=article_id))
        return document

    @app.get("/api/timeline", tags=["charts"], summary="Events per day or month, split by quad class")
    def api_timeline(store: StoreDep, type: TypeQ = None, actor: ActorQ = None, country: CountryQ = None,
                     since: SinceQ = None, until: UntilQ = None) -> dict[str, Any]:
        filters = make_filters(type=type, actor=actor, country=country, since=since, until=until)
        return data.timeline(store, filters)

    @app.get("/api/network", tags=["charts"], summary="The actor network: nodes and directed, weighted edges")
    def api_network(store: StoreDep, type: TypeQ = None, actor: ActorQ = None, country: CountryQ = None,
                    since: SinceQ = None, until: UntilQ = None, limit: LimitQ = 80) -> dict[str, Any]:
        filters = make_filters(type=type, actor=actor, country=country, since=since, until=until, limit=limit)
        return data.network(store, filters)

    @app.get("/api/export/{fmt}", tags=["export"], response_class=PlainTextResponse,
             summary="The whole store as GDELT 2.0 Events or Mentions (TSV) or POLECAT/PLOVER JSON Lines")
    def api_export(store: StoreDep, fmt: Annotated[str, Path(pattern="^(gdelt|gdelt-mentions|polecat)$")]
                   ) -> Response:
        from ..export import write_stream

        buffer = io.StringIO()
        write_stream(store, fmt, buffer)
        media = "application/x-ndjson" if fmt == "polecat" else "text/tab-separated-values"
        name = f"tidings-{fmt}.{'jsonl' if fmt == 'polecat' else 'tsv'}"
        return Response(buffer.getvalue(), media_type=f"{media}; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    # -- pages ----------------------------------------------------------------------------
    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"db": db, **context})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((PACKAGE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard(request: Request, store: StoreDep, type: str | None = None, actor: str | None = None,
                  country: str | None = None, since: str | None = None, until: str | None = None) -> HTMLResponse:
        filters = make_filters(type=type, actor=actor, country=country, since=since, until=until, limit=12)
        stats = data.stats(store)
        types = stats["event_types"]
        return page(
            request, "dashboard.html", stats=stats, filters=filters, active="dashboard",
            timeline_json=json.dumps(data.timeline(store, filters)),
            network_json=json.dumps(data.network(store, make_filters(
                type=type, actor=actor, country=country, since=since, until=until, limit=60))),
            top_actors=data.rows_as_dicts(actors(store, make_filters(actor=actor, country=country, limit=15))),
            type_counts=types, type_max=max(types.values(), default=1),
            events=records(store, "events", filters),
            quotes=records(store, "quotes", make_filters(actor=actor, country=country, since=since, until=until,
                                                         limit=8)),
        )

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, store: StoreDep, type: str | None = None, actor: str | None = None,
                    country: str | None = None, since: str | None = None, until: str | None = None,
                    limit: int = 200) -> HTMLResponse:
        filters = make_filters(type=type, actor=actor, country=country, since=since, until=until, limit=limit)
        return page(request, "events.html", filters=filters, events=records(store, "events", filters),
                    active="events")

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, store: StoreDep, actor: str | None = None, country: str | None = None,
                    text: str | None = None, since: str | None = None, until: str | None = None,
                    limit: int = 200) -> HTMLResponse:
        filters = make_filters(actor=actor, country=country, text=text, since=since, until=until, limit=limit)
        return page(request, "quotes.html", filters=filters, quotes=records(store, "quotes", filters),
                    active="quotes")

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, store: StoreDep, actor: str | None = None, country: str | None = None,
                    limit: int = 300) -> HTMLResponse:
        filters = make_filters(actor=actor, country=country, limit=limit)
        return page(request, "actors.html", filters=filters, actors=data.rows_as_dicts(actors(store, filters)),
                    dyads=data.rows_as_dicts(dyads(store, make_filters(actor=actor, limit=50))), active="actors")

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, store: StoreDep, text: str | None = None, since: str | None = None,
                      until: str | None = None, limit: int = 100, offset: int = 0) -> HTMLResponse:
        filters = make_filters(text=text, since=since, until=until, limit=limit)
        return page(request, "articles.html", filters=filters, offset=max(0, offset),
                    articles=data.articles(store, filters, offset=max(0, offset)), active="articles")

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
        document = data.document(store, article_id)
        if document is None:
            return templates.TemplateResponse(
                request, "error.html", {"message": Errors.T813.format(id=article_id), "title": "not found"},
                status_code=404)
        text = document["article"]["text"] or ""
        return page(request, "article.html", doc=document, active="articles",
                    text_html=highlight(text, marks_for(document)))

    return app
