"""Managing the people who hold a role: co-RAEs (enterprise), co-GLs and users (quality).
The six operations (add, block, unblock, delete, edit, reset_password) are the same for the
three kinds; the policy table decides who may do them to which kind."""

from __future__ import annotations

from .. import views
from ..errors import EngineError
from . import common
from .common import (PERSON_DOC, create_role, delete_role, edit_person, find_role, resolve_person, set_password, set_status,
                     target_role, touch)
from .registry import Arg, command

KINDS = {
    "co_rae": {"fr": "co-RAE", "nl": "co-VTE", "level": "enterprise"},
    "co_gl": {"fr": "co-GL", "nl": "co-lokale beheerder", "level": "quality"},
    "user": {"fr": "utilisateur", "nl": "gebruiker", "level": "quality"},
}
ROLE_ARG = Arg("role", "string", "Identifiant du rôle visé", "Identificatie van de betrokken rol")


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


EDIT_ARGS = (
    ROLE_ARG,
    Arg("language", "string", "Langue (fr, nl, de, en)", "Taal (fr, nl, de, en)", required=False),
    Arg("email", "string", "Adresse e-mail", "E-mailadres", required=False),
    Arg("local_email", "string", "Adresse e-mail locale (vide pour l'effacer)", "Lokaal e-mailadres (leeg om te wissen)",
        required=False),
    Arg("title", "string", "Titre", "Titel", required=False),
)


def _register(kind: str) -> None:
    names = KINDS[kind]
    quality_arg = () if names["level"] == "enterprise" else (
        Arg("quality", "string", "Qualité (par défaut celle du profil)", "Hoedanigheid (standaard die van het profiel)",
            required=False),)
    add_args = (Arg("person", "object", PERSON_DOC["fr"], PERSON_DOC["nl"]), *quality_arg,
                Arg("email", "string", "Adresse e-mail liée à ce rôle (par défaut celle de la personne)",
                    "E-mailadres van deze rol (standaard dat van de persoon)", required=False))
    if kind == "user":
        add_args += (Arg("applications", "string_list", "Applications sécurisées données dès l'ajout",
                         "Beveiligde toepassingen die meteen worden toegekend", required=False),)
    prefix = kind
    command(f"{prefix}.add", action=f"{prefix}.add", group=prefix, effect="write", args=add_args,
            fr=f"Ajouter un {names['fr']} (par son NISS).", nl=f"Een {names['nl']} toevoegen (via het INSZ).")(_add(kind))
    command(f"{prefix}.block", action=f"{prefix}.block", group=prefix, effect="write", args=(ROLE_ARG,),
            fr=f"Bloquer un {names['fr']} : il ne peut plus utiliser ce profil.",
            nl=f"Een {names['nl']} blokkeren: hij kan dit profiel niet meer gebruiken.")(_status(kind, "blocked"))
    command(f"{prefix}.unblock", action=f"{prefix}.unblock", group=prefix, effect="write", args=(ROLE_ARG,),
            fr=f"Débloquer un {names['fr']}.", nl=f"Een {names['nl']} deblokkeren.")(_status(kind, "active"))
    command(f"{prefix}.delete", action=f"{prefix}.delete", group=prefix, effect="write", args=(ROLE_ARG,),
            fr=f"Supprimer le rôle d'un {names['fr']}.", nl=f"De rol van een {names['nl']} verwijderen.")(_delete(kind))
    command(f"{prefix}.edit", action=f"{prefix}.edit", group=prefix, effect="write", args=EDIT_ARGS,
            fr=f"Modifier la langue, les e-mails ou le titre d'un {names['fr']}.",
            nl=f"De taal, de e-mailadressen of de titel van een {names['nl']} wijzigen.")(_edit(kind))
    command(f"{prefix}.reset_password", action=f"{prefix}.reset_password", group=prefix, effect="write",
            args=(ROLE_ARG, Arg("password", "string", "Nouveau mot de passe", "Nieuw wachtwoord")),
            fr=f"Donner un nouveau mot de passe à un {names['fr']}.",
            nl=f"Een {names['nl']} een nieuw wachtwoord geven.")(_reset_password(kind))


for _kind in KINDS:
    _register(_kind)


@command("co_rae.list", action="co_rae.list", group="co_rae",
         fr="La liste des co-RAE de l'entreprise.", nl="De lijst van de co-VTE's van de onderneming.")
def co_rae_list(ctx):
    enterprise = ctx.profile["enterprise"]
    ctx.authorize(enterprise=enterprise)
    rows = [views.user_row(ctx.state, r, ctx.lang) for r in ctx.state["roles"].values()
            if r["kind"] == "co_rae" and r["enterprise"] == enterprise]
    return sorted(rows, key=lambda row: (row["name"].casefold(), row["first_name"].casefold(), row["role"]))


@command("user.grant_application", action="user.grant_application", group="user", effect="write",
         fr="Donner ou retirer des applications sécurisées de la qualité à un utilisateur (la date d'attribution est gardée).",
         nl="Beveiligde toepassingen van de hoedanigheid toekennen aan of intrekken bij een gebruiker (de toekenningsdatum wordt bewaard).",
         args=(ROLE_ARG,
               Arg("grant", "string_list", "Applications à donner", "Toe te kennen toepassingen", required=False),
               Arg("withdraw", "string_list", "Applications à retirer", "In te trekken toepassingen", required=False)))
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
