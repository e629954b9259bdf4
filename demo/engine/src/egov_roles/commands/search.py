"""Finding users: across the enterprise's qualities (RAE, co-RAE) or within one quality (GL,
co-GL), with the filters of the guide's search screens and paging."""

from __future__ import annotations

from .. import views
from ..errors import EngineError, FieldError
from .registry import Arg, command

MAX_PAGE_SIZE = 200
STATUSES = ("active", "blocked")
QUALITY_KINDS = ("gl", "co_gl", "user")

FILTER_ARGS = (
    Arg("username", "string", {"fr": "Nom d'utilisateur (contient)",
                               "nl": "Gebruikersnaam (bevat)",
                               "de": "Benutzername (enthält)"}, required=False),
    Arg("name", "string", {"fr": "Nom (contient)", "nl": "Naam (bevat)", "de": "Name (enthält)"}, required=False),
    Arg("first_name", "string", {"fr": "Prénom (contient)", "nl": "Voornaam (bevat)", "de": "Vorname (enthält)"}, required=False),
    Arg("title", "string", {"fr": "Titre", "nl": "Titel", "de": "Titel"}, required=False),
    Arg("niss", "string", {"fr": "NISS (début ou numéro complet)",
                           "nl": "INSZ (begin of volledig nummer)",
                           "de": "ENSS (Anfang oder vollständige Nummer)"}, required=False),
    Arg("language", "string", {"fr": "Langue", "nl": "Taal", "de": "Sprache"}, required=False),
    Arg("email", "string", {"fr": "Adresse e-mail (contient)",
                            "nl": "E-mailadres (bevat)",
                            "de": "E-Mail-Adresse (enthält)"}, required=False),
    Arg("application", "string", {"fr": "Application sécurisée donnée",
                                  "nl": "Toegekende beveiligde toepassing",
                                  "de": "Zugewiesene gesicherte Anwendung"}, required=False),
    Arg("status", "string", {"fr": "Statut", "nl": "Status", "de": "Status"}, required=False, choices=STATUSES),
    Arg("kind", "string", {"fr": "Type : gl, co_gl ou user",
                           "nl": "Soort: gl, co_gl of user",
                           "de": "Typ: gl, co_gl oder user"}, required=False, choices=QUALITY_KINDS),
    Arg("role", "string", {"fr": "Un rôle précis (son identifiant)",
                           "nl": "Eén bepaalde rol (de identificatie)",
                           "de": "Eine bestimmte Rolle (ihre Kennung)"}, required=False),
    Arg("page", "integer", {"fr": "Page (à partir de 1)", "nl": "Pagina (vanaf 1)", "de": "Seite (ab 1)"}, required=False),
    Arg("page_size", "integer", {"fr": f"Lignes par page (1 à {MAX_PAGE_SIZE}, 20 par défaut)",
                                 "nl": f"Regels per pagina (1 tot {MAX_PAGE_SIZE}, standaard 20)",
                                 "de": f"Zeilen pro Seite (1 bis {MAX_PAGE_SIZE}, standardmäßig 20)"}, required=False),
)


def _matcher(filters: dict):
    """One predicate over (role, person) built from the filters given, or None without filters."""
    tests = []

    def contains(key, field):
        needle = filters[key].casefold()
        tests.append(lambda r, p: needle in (p[field] or "").casefold())

    for key in ("username", "name", "first_name", "email"):
        if filters.get(key):
            contains(key, key)
    if filters.get("title"):
        title = filters["title"].casefold()
        tests.append(lambda r, p: (p["title"] or "").casefold() == title)
    if filters.get("niss"):
        digits = "".join(c for c in filters["niss"] if c.isdigit())
        if not digits:
            raise FieldError("niss", "niss.format")
        tests.append(lambda r, p: p["niss"].startswith(digits))
    if filters.get("language"):
        tests.append(lambda r, p: p["language"] == filters["language"])
    if filters.get("application"):
        tests.append(lambda r, p: filters["application"] in r["applications"])
    if filters.get("status"):
        tests.append(lambda r, p: r["status"] == filters["status"])
    if filters.get("kind"):
        tests.append(lambda r, p: r["kind"] == filters["kind"])
    if filters.get("role"):
        tests.append(lambda r, p: r["id"] == filters["role"])
    if not tests:
        return None
    if len(tests) == 1:
        return tests[0]
    return lambda r, p: all(t(r, p) for t in tests)


def _ordered(ctx) -> list[dict]:
    """Every quality-level role, sorted by name, first name and id.

    Sorting 10,000 names costs more than filtering them, and a reader pages and refines a search
    many times between two changes; so the order is kept until the next accepted write command
    (the engine's `generation`) or the next state swap."""
    engine = ctx.engine
    key = (id(ctx.state), engine.generation)
    cached = getattr(engine, "_search_order", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    people = ctx.state["people"]
    decorated = [((p["name"].casefold(), p["first_name"].casefold(), r["id"]), r)
                 for r in ctx.state["roles"].values() if r["quality"] is not None
                 for p in (people[r["person"]],)]
    decorated.sort(key=lambda item: item[0])
    order = [r for _, r in decorated]
    engine._search_order = (key, order)
    return order


def run(ctx, inside, filters: dict, page=None, page_size=None) -> dict:
    """Search the roles for which `inside(role)` holds, filtered, in name order, one page."""
    page = 1 if page is None else page
    size = 20 if page_size is None else page_size
    if page < 1:
        raise FieldError("page", "number.minimum", min=1)
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise FieldError("page_size", "number.range", min=1, max=MAX_PAGE_SIZE)
    people = ctx.state["people"]
    match = _matcher(filters)
    if match is None:
        found = [r for r in _ordered(ctx) if inside(r)]
    else:
        found = [r for r in _ordered(ctx) if inside(r) and match(r, people[r["person"]])]
    start = (page - 1) * size
    items = [views.user_row(ctx.state, r, ctx.lang) for r in found[start:start + size]]
    return {"total": len(found), "page": page, "page_size": size, "pages": (len(found) + size - 1) // size,
            "items": items}


@command("users.search", action="users.search", group="users",
         text={"fr": "Rechercher des utilisateurs dans toutes les qualités de l'entreprise (RAE, co-RAE) ou dans sa qualité (GL, co-GL).",
               "nl": "Gebruikers zoeken in alle hoedanigheden van de onderneming (VTE, co-VTE) of in de eigen hoedanigheid (lokale beheerder, co-lokale beheerder).",
               "de": "Benutzer in allen Eigenschaften des Unternehmens (VZU, Co-VZU) oder in der eigenen Eigenschaft (lokaler Verwalter, lokaler Co-Verwalter) suchen."},
         args=(Arg("quality", "string", {"fr": "Limiter à une qualité",
                                         "nl": "Beperken tot één hoedanigheid",
                                         "de": "Auf eine Eigenschaft beschränken"}, required=False),
               *FILTER_ARGS))
def search(ctx, quality=None, page=None, page_size=None, **filters):
    if quality is not None or ctx.decision.scope == "quality":
        q = ctx.quality_arg(quality)
        ctx.authorize(enterprise=q["enterprise"], quality=q["id"])
        qid = q["id"]
        inside = lambda r: r["quality"] == qid  # noqa: E731
    else:
        enterprise = ctx.profile["enterprise"]
        ctx.authorize(enterprise=enterprise)
        inside = lambda r: r["enterprise"] == enterprise  # noqa: E731
    if filters.get("application") and quality is None and ctx.decision.scope != "quality":
        raise EngineError("missing_argument", field="quality")
    return run(ctx, inside, filters, page, page_size)


@command("users.list", action="users.list", group="users",
         text={"fr": "La liste des utilisateurs, GL et co-GL d'une qualité, avec filtres et pages.",
               "nl": "De lijst van de gebruikers, lokale beheerders en co-lokale beheerders van een hoedanigheid, met filters en pagina's.",
               "de": "Die Liste der Benutzer, lokalen Verwalter und lokalen Co-Verwalter einer Eigenschaft, mit Filtern und Seiten."},
         args=(Arg("quality", "string", {"fr": "Qualité (par défaut celle du profil)",
                                         "nl": "Hoedanigheid (standaard die van het profiel)",
                                         "de": "Eigenschaft (standardmäßig die des Profils)"},
                   required=False), *FILTER_ARGS))
def list_users(ctx, quality=None, page=None, page_size=None, **filters):
    q = ctx.quality_arg(quality)
    ctx.authorize(enterprise=q["enterprise"], quality=q["id"])
    qid = q["id"]
    return run(ctx, lambda r: r["quality"] == qid, filters, page, page_size)


