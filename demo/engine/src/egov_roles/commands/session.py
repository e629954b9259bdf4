"""Logging in (eID or username + password), listing and choosing a profile, logging out."""

from __future__ import annotations

from .. import messages, passwords, validators, views
from ..schema import LANGUAGES
from ..errors import EngineError
from .common import find_person_by_niss, find_person_by_username, roles_of
from .registry import Arg, command


def _profiles(ctx, person_id: str) -> list[dict]:
    return [views.profile(ctx.state, r, ctx.lang) for r in roles_of(ctx.state, person_id)]


def _choose(ctx, session: dict, role_id: str) -> dict:
    role = ctx.state["roles"].get(role_id)
    if role is None or role["person"] != session["person"]:
        raise EngineError("not_your_profile", field="profile")
    if role["status"] != "active":
        raise EngineError("profile_blocked", field="profile", rule="blocked_cannot_act")
    ctx.tx.set(session, "profile", role_id)
    ctx.profile = role
    return views.profile(ctx.state, role, ctx.lang)


@command("session.login", group="session", effect="write",
         text={"fr": "Se connecter avec la carte d'identité électronique (method \"eid\", niss) ou avec nom d'utilisateur et mot de passe (method \"password\"). Renvoie la session et la liste des profils ; profile choisit tout de suite.",
               "nl": "Aanmelden met de elektronische identiteitskaart (method \"eid\", niss) of met gebruikersnaam en wachtwoord (method \"password\"). Geeft de sessie en de lijst van profielen; profile kiest er meteen een.",
               "de": "Mit dem elektronischen Personalausweis (method \"eid\", niss) oder mit Benutzername und Passwort (method \"password\") anmelden. Gibt die Sitzung und die Liste der Profile zurück; profile wählt sofort."},
         args=(Arg("method", "string", {"fr": "eid ou password", "nl": "eid of password", "de": "eid oder password"}, choices=("eid", "password")),
               Arg("niss", "string", {"fr": "NISS lu sur la carte (eid)",
                                      "nl": "INSZ gelezen op de kaart (eid)",
                                      "de": "Auf der Karte gelesene ENSS (eid)"}, required=False),
               Arg("name", "string", {"fr": "Nom lu sur la carte, pour une personne encore inconnue (eid)",
                                      "nl": "Naam op de kaart, voor een nog onbekende persoon (eid)",
                                      "de": "Auf der Karte gelesener Name, für eine noch unbekannte Person (eid)"}, required=False),
               Arg("first_name", "string", {"fr": "Prénom lu sur la carte (eid)",
                                            "nl": "Voornaam op de kaart (eid)",
                                            "de": "Auf der Karte gelesener Vorname (eid)"}, required=False),
               Arg("username", "string", {"fr": "Nom d'utilisateur (password)",
                                          "nl": "Gebruikersnaam (password)",
                                          "de": "Benutzername (password)"}, required=False),
               Arg("password", "string", {"fr": "Mot de passe (password)",
                                          "nl": "Wachtwoord (password)",
                                          "de": "Passwort (password)"}, required=False),
               Arg("profile", "string", {"fr": "Rôle à utiliser tout de suite comme profil",
                                         "nl": "Rol om meteen als profiel te gebruiken",
                                         "de": "Rolle, die sofort als Profil verwendet wird"},
                   required=False)))
def login(ctx, method, niss=None, name=None, first_name=None, username=None, password=None, profile=None):
    if method == "eid":
        if niss is None:
            raise EngineError("missing_argument", field="niss")
        number = validators.niss(niss, "niss")
        person = find_person_by_niss(ctx.state, number)
        if person is None:
            # The card carries the name: a person unknown to the application still gets an account
            # (without a profile) so that they can accept an invitation.
            if not name or not first_name:
                raise EngineError("unknown_person", field="niss")
            pid = ctx.new_id("people", "person")
            person = {"id": pid, "niss": number, "name": name.strip(), "first_name": first_name.strip(), "title": None,
                      "language": ctx.lang if ctx.lang in LANGUAGES else messages.DEFAULT, "email": None,
                      "local_email": None, "username": None, "password": None, "certificate": None,
                      "created": ctx.today, "modified": None}
            ctx.tx.set(ctx.state["people"], pid, person)
    else:
        if username is None:
            raise EngineError("missing_argument", field="username")
        if password is None:
            raise EngineError("missing_argument", field="password")
        person = find_person_by_username(ctx.state, username)
        if person is None:
            raise EngineError("bad_credentials", field="password")
        if person["password"] is None:
            raise EngineError("no_password", field="password")
        if not passwords.verify(password, person["password"]):
            raise EngineError("bad_credentials", field="password")
    roles = roles_of(ctx.state, person["id"])
    if roles and all(r["status"] == "blocked" for r in roles):
        raise EngineError("account_blocked", rule="blocked_cannot_act")
    token = ctx.new_id("sessions", "session")
    session = {"id": token, "person": person["id"], "profile": None, "method": method, "started": ctx.now}
    ctx.tx.set(ctx.state["sessions"], token, session)
    ctx.person = person
    ctx.note_target(person=person["id"])
    chosen = _choose(ctx, session, profile) if profile is not None else None
    return {"session": token, "person": views.person(ctx.state, person, ctx.lang),
            "profiles": _profiles(ctx, person["id"]), "profile": chosen}


@command("session.profiles", group="session", session="person", journaled=False,
         text={"fr": "Les profils (rôles) de la personne connectée, bloqués compris, avec ce que chacun atteint.",
               "nl": "De profielen (rollen) van de aangemelde persoon, geblokkeerde inbegrepen, met wat elk bereikt.",
               "de": "Die Profile (Rollen) der angemeldeten Person, gesperrte inbegriffen, mit dem, wozu jedes Zugang gibt."})
def profiles(ctx):
    return _profiles(ctx, ctx.person["id"])


@command("session.choose_profile", group="session", session="person", effect="write",
         text={"fr": "Choisir le profil sous lequel agir pendant la session.",
               "nl": "Het profiel kiezen waarmee u tijdens de sessie werkt.",
               "de": "Das Profil wählen, unter dem Sie in der Sitzung handeln."},
         args=(Arg("profile", "string", {"fr": "Identifiant du rôle",
                                         "nl": "Identificatie van de rol",
                                         "de": "Kennung der Rolle"}),))
def choose_profile(ctx, profile):
    chosen = _choose(ctx, ctx.session, profile)
    ctx.note_target(person=ctx.person["id"], role=profile)
    return chosen


@command("session.whoami", group="session", session="person", journaled=False,
         text={"fr": "La personne et le profil de la session.",
               "nl": "De persoon en het profiel van de sessie.",
               "de": "Die Person und das Profil der Sitzung."})
def whoami(ctx):
    return {"session": ctx.session["id"], "person": views.person(ctx.state, ctx.person, ctx.lang),
            "profile": views.profile(ctx.state, ctx.profile, ctx.lang) if ctx.profile else None}


@command("session.logout", group="session", session="person", effect="write",
         text={"fr": "Fermer la session.", "nl": "De sessie afsluiten.", "de": "Die Sitzung beenden."})
def logout(ctx):
    ctx.note_target(person=ctx.person["id"])
    ctx.tx.delete(ctx.state["sessions"], ctx.session["id"])
    return {"session": None}


# Detail pages whose opening is a step of the guide by itself, while other screens read the same
# data (every RAE home lists the enterprise's qualities with enterprise.view): only this entry
# tells the journal that the reader looked at the page. Each page names the policy action whose
# data it shows, so noting it is refused exactly when reading it would be.
PAGES = {"enterprise": "enterprise.view", "quality": "quality.view"}


@command("session.view_page", group="session", session="person",
         text={"fr": "Noter dans le journal qu'une page de détail a été ouverte : enterprise (l'entreprise) ou quality (une qualité). Refusé au profil qui ne peut pas en lire les données.",
               "nl": "In het logboek noteren dat een detailpagina geopend werd: enterprise (de onderneming) of quality (een hoedanigheid). Geweigerd voor een profiel dat de gegevens ervan niet mag lezen.",
               "de": "Im Prüfprotokoll festhalten, dass eine Detailseite geöffnet wurde: enterprise (das Unternehmen) oder quality (eine Eigenschaft). Abgelehnt für ein Profil, das deren Angaben nicht lesen darf."},
         args=(Arg("page", "string", {"fr": "enterprise ou quality",
                                      "nl": "enterprise of quality",
                                      "de": "enterprise oder quality"}, choices=tuple(PAGES)),
               Arg("quality", "string", {"fr": "Qualité de la page quality (par défaut celle du profil)",
                                         "nl": "Hoedanigheid van de pagina quality (standaard die van het profiel)",
                                         "de": "Eigenschaft der Seite quality (standardmäßig die des Profils)"}, required=False)))
def view_page(ctx, page, quality=None):
    ctx.engine.require(ctx, PAGES[page])
    if page == "quality":
        q = ctx.quality_arg(quality)
        ctx.authorize(enterprise=q["enterprise"], quality=q["id"])
    else:
        if quality is not None:
            raise EngineError("unknown_argument", field="quality")
        ctx.authorize(enterprise=ctx.enterprise_arg(None)["id"])
    ctx.note_target(page=page)
    return {"page": page}
