"""Managing the people who hold a role: co-RAEs (enterprise), co-GLs and users (quality).
The six operations (add, block, unblock, delete, edit, reset_password) are the same for the
three kinds; the policy table decides who may do them to which kind."""

from __future__ import annotations

from .. import views
from ..errors import EngineError
from . import common
from .common import (PERSON_DOC, PERSON_EDIT_ARGS, create_role, delete_role, edit_person, find_role, resolve_person, set_password, set_status,
                     target_role, touch)
from .registry import Arg, command

# How the descriptions name each kind, per language: one text, or the forms a language declines
# (German: einen / eines / einem lokalen Co-Verwalter[s]).
KINDS = {
    "co_rae": {"level": "enterprise", "fr": "co-RAE", "nl": "co-VTE",
               "de": {"acc": "einen Co-VZU", "gen": "eines Co-VZU", "dat": "einem Co-VZU"}},
    "co_gl": {"level": "quality", "fr": "co-GL", "nl": "co-lokale beheerder",
              "de": {"acc": "einen lokalen Co-Verwalter", "gen": "eines lokalen Co-Verwalters",
                     "dat": "einem lokalen Co-Verwalter"}},
    "user": {"level": "quality", "fr": "utilisateur", "nl": "gebruiker",
             "de": {"acc": "einen Benutzer", "gen": "eines Benutzers", "dat": "einem Benutzer"}},
}
# The six operations' descriptions, filled with the kind's name ({name}, or its declined forms).
DESCRIPTIONS = {
    "add": {"fr": "Ajouter un {name} (par son NISS).",
            "nl": "Een {name} toevoegen (via het INSZ).",
            "de": "{acc} hinzufügen (über die ENSS)."},
    "block": {"fr": "Bloquer un {name} : il ne peut plus utiliser ce profil.",
              "nl": "Een {name} blokkeren: hij kan dit profiel niet meer gebruiken.",
              "de": "{acc} sperren: Er kann dieses Profil nicht mehr verwenden."},
    "unblock": {"fr": "Débloquer un {name}.", "nl": "Een {name} deblokkeren.", "de": "{acc} entsperren."},
    "delete": {"fr": "Supprimer le rôle d'un {name}.",
               "nl": "De rol van een {name} verwijderen.",
               "de": "Die Rolle {gen} löschen."},
    "edit": {"fr": "Modifier la langue, les e-mails ou le titre d'un {name}.",
             "nl": "De taal, de e-mailadressen of de titel van een {name} wijzigen.",
             "de": "Die Sprache, die E-Mail-Adressen oder den Titel {gen} ändern."},
    "reset_password": {"fr": "Donner un nouveau mot de passe à un {name}.",
                       "nl": "Een {name} een nieuw wachtwoord geven.",
                       "de": "{dat} ein neues Passwort geben."},
}


def _description(kind: str, operation: str) -> dict:
    out = {}
    for lang, template in DESCRIPTIONS[operation].items():
        name = KINDS[kind][lang]
        text = template.format(**name) if isinstance(name, dict) else template.format(name=name)
        out[lang] = text[:1].upper() + text[1:]
    return out


ROLE_ARG = Arg("role", "string", {"fr": "Identifiant du rôle visé",
                                  "nl": "Identificatie van de betrokken rol",
                                  "de": "Kennung der betroffenen Rolle"})


def _add(kind: str):
    def handler(ctx, person, quality=None, email=None, applications=None):
        if KINDS[kind]["level"] == "enterprise":
            enterprise = ctx.profile["enterprise"]
            ctx.authorize(enterprise=enterprise)
            quality_id = None
        else:
            q = ctx.quality_arg(quality)
            ctx.authorize(enterprise=q["enterprise"], quality=q["id"])
            enterprise, quality_id = q["enterprise"], q["id"]
        target = resolve_person(ctx, person, "person", allow_self=False)
        if kind == "co_rae" and find_role(ctx.state, target["id"], "rae", enterprise, None):
            raise EngineError("already_has_role", field="person")
        if kind == "co_gl" and find_role(ctx.state, target["id"], "gl", enterprise, quality_id):
            raise EngineError("already_has_role", field="person")
        grants = {}
        if applications:  # only user.add has this argument
            grants = {a: ctx.today for a in common.applications(ctx.state["qualities"][quality_id], applications,
                                                                 "applications")}
        role = create_role(ctx, target, kind, enterprise, quality_id, email=email, applications=grants)
        ctx.note_target(person=target["id"], role=role["id"])
        return views.role(ctx.state, role, ctx.lang)
    return handler


def _status(kind: str, status: str):
    def handler(ctx, role):
        return set_status(ctx, target_role(ctx, role, kind), status)
    return handler


def _delete(kind: str):
    def handler(ctx, role):
        r = target_role(ctx, role, kind)
        delete_role(ctx, r)
        return {"role": role, "deleted": True}
    return handler


def _edit(kind: str):
    def handler(ctx, role, language=None, email=None, local_email=None, title=None):
        r = target_role(ctx, role, kind)
        person = ctx.state["people"][r["person"]]
        edit_person(ctx, person, language, email, local_email, title)
        return views.person(ctx.state, person, ctx.lang)
    return handler


def _reset_password(kind: str):
    def handler(ctx, role, password):
        r = target_role(ctx, role, kind)
        set_password(ctx, ctx.state["people"][r["person"]], password)
        return {"role": role, "password_changed": True}
    return handler


EDIT_ARGS = (ROLE_ARG, *PERSON_EDIT_ARGS)


def _register(kind: str) -> None:
    names = KINDS[kind]
    quality_arg = () if names["level"] == "enterprise" else (
        Arg("quality", "string", {"fr": "Qualité (par défaut celle du profil)",
                                  "nl": "Hoedanigheid (standaard die van het profiel)",
                                  "de": "Eigenschaft (standardmäßig die des Profils)"},
            required=False),)
    add_args = (Arg("person", "object", PERSON_DOC), *quality_arg,
                Arg("email", "string", {"fr": "Adresse e-mail liée à ce rôle (par défaut celle de la personne)",
                                        "nl": "E-mailadres van deze rol (standaard dat van de persoon)",
                                        "de": "Mit dieser Rolle verknüpfte E-Mail-Adresse (standardmäßig die der Person)"}, required=False))
    if kind == "user":
        add_args += (Arg("applications", "string_list", {"fr": "Applications sécurisées données dès l'ajout",
                                                         "nl": "Beveiligde toepassingen die meteen worden toegekend",
                                                         "de": "Gesicherte Anwendungen, die gleich beim Hinzufügen zugewiesen werden"}, required=False),)
    handlers = {"add": (add_args, _add(kind)), "block": ((ROLE_ARG,), _status(kind, "blocked")),
                "unblock": ((ROLE_ARG,), _status(kind, "active")), "delete": ((ROLE_ARG,), _delete(kind)),
                "edit": (EDIT_ARGS, _edit(kind)),
                "reset_password": ((ROLE_ARG, Arg("password", "string", {"fr": "Nouveau mot de passe",
                                                                         "nl": "Nieuw wachtwoord",
                                                                         "de": "Neues Passwort"})), _reset_password(kind))}
    for operation, (args, handler) in handlers.items():
        command(f"{kind}.{operation}", action=f"{kind}.{operation}", group=kind, effect="write", args=args,
                text=_description(kind, operation))(handler)


for _kind in KINDS:
    _register(_kind)


@command("co_rae.list", action="co_rae.list", group="co_rae",
         text={"fr": "La liste des co-RAE de l'entreprise.",
               "nl": "De lijst van de co-VTE's van de onderneming.",
               "de": "Die Liste der Co-VZU des Unternehmens."})
def co_rae_list(ctx):
    enterprise = ctx.profile["enterprise"]
    ctx.authorize(enterprise=enterprise)
    rows = [views.user_row(ctx.state, r, ctx.lang) for r in ctx.state["roles"].values()
            if r["kind"] == "co_rae" and r["enterprise"] == enterprise]
    return sorted(rows, key=lambda row: (row["name"].casefold(), row["first_name"].casefold(), row["role"]))


@command("user.grant_application", action="user.grant_application", group="user", effect="write",
         text={"fr": "Donner ou retirer des applications sécurisées de la qualité à un utilisateur (la date d'attribution est gardée).",
               "nl": "Beveiligde toepassingen van de hoedanigheid toekennen aan of intrekken bij een gebruiker (de toekenningsdatum wordt bewaard).",
               "de": "Einem Benutzer gesicherte Anwendungen der Eigenschaft zuweisen oder entziehen (das Zuweisungsdatum bleibt erhalten)."},
         args=(ROLE_ARG,
               Arg("grant", "string_list", {"fr": "Applications à donner",
                                            "nl": "Toe te kennen toepassingen",
                                            "de": "Zuzuweisende Anwendungen"}, required=False),
               Arg("withdraw", "string_list", {"fr": "Applications à retirer",
                                               "nl": "In te trekken toepassingen",
                                               "de": "Zu entziehende Anwendungen"}, required=False)))
def grant_application(ctx, role, grant=None, withdraw=None):
    r = target_role(ctx, role, "user")
    quality = ctx.state["qualities"][r["quality"]]
    grant = common.applications(quality, grant or [], "grant")
    withdraw = common.applications(quality, withdraw or [], "withdraw")
    current = dict(r["applications"])
    for app in withdraw:
        current.pop(app, None)
    for app in grant:
        current.setdefault(app, ctx.today)
    ctx.tx.set(r, "applications", current)
    touch(ctx, r)
    return views.role(ctx.state, r, ctx.lang)
