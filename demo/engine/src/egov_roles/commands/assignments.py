"""Role assignments as in "Ma gestion des rôles eGov" (seed 004): a manager invites by e-mail,
assigns directly or publishes a link; nobody requests a role for themselves; each person lists
their assignments, asks to deactivate one, and changes the e-mail linked to some of them."""

from __future__ import annotations

import datetime as _dt

from .. import catalogue, messages, policy, validators, views
from ..errors import EngineError
from ..resources import load_json
from . import common
from .common import PERSON_DOC, create_role, delete_role, resolve_person, roles_of, touch
from .registry import Arg, command

QUALITY_ARG = Arg("quality", "string", {"fr": "Qualité (par défaut celle du profil)",
                                        "nl": "Hoedanigheid (standaard die van het profiel)",
                                        "de": "Eigenschaft (standardmäßig die des Profils)"},
                  required=False)
APPS_ARG = Arg("applications", "string_list", {"fr": "Applications sécurisées de la qualité à donner",
                                               "nl": "Toe te kennen beveiligde toepassingen van de hoedanigheid",
                                               "de": "Gesicherte Anwendungen der Eigenschaft, die zugewiesen werden"})


def settings() -> dict:
    return load_json("assignments")


def _quality(ctx, quality):
    q = ctx.quality_arg(quality)
    ctx.authorize(enterprise=q["enterprise"], quality=q["id"])
    return q


def _code(ctx) -> str:
    existing = {inv["code"] for inv in ctx.state["invitations"].values()}
    while True:
        raw = ctx.engine.rng.randbytes(settings()["code_bytes"]).hex().upper()
        code = "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))
        if code not in existing:
            return code


def _new_invitation(ctx, q, kind, apps, email=None, niss=None, days=14) -> dict:
    iid = ctx.new_id("invitations", "invitation")
    expires = (ctx.today_date + _dt.timedelta(days=days)).isoformat()
    inv = {"id": iid, "kind": kind, "quality": q["id"], "email": email, "niss": niss, "applications": apps,
           "code": _code(ctx), "created": ctx.today, "expires": expires,
           "status": "pending" if kind == "email" else "published", "created_by": ctx.profile["id"], "uses": 0}
    ctx.tx.set(ctx.state["invitations"], iid, inv)
    ctx.note_target(invitation=iid)
    return inv


@command("assignment.invite", action="assignment.invite", group="assignment", effect="write",
         text={"fr": "Inviter quelqu'un par e-mail à un rôle d'utilisateur de la qualité (le message part dans la boîte d'envoi).",
               "nl": "Iemand per e-mail uitnodigen voor een gebruikersrol in de hoedanigheid (het bericht gaat naar de postvak-uit).",
               "de": "Jemanden per E-Mail zu einer Benutzerrolle der Eigenschaft einladen (die Nachricht landet im Postausgang)."},
         args=(Arg("email", "string", {"fr": "Adresse e-mail de la personne invitée",
                                       "nl": "E-mailadres van de uitgenodigde persoon",
                                       "de": "E-Mail-Adresse der eingeladenen Person"}),
               APPS_ARG, QUALITY_ARG,
               Arg("niss", "string", {"fr": "NISS de la personne, pour que seule elle puisse accepter",
                                      "nl": "INSZ van de persoon, zodat alleen zij kan aanvaarden",
                                      "de": "ENSS der Person, damit nur sie annehmen kann"}, required=False)))
def invite(ctx, email, applications: list, quality=None, niss=None):
    q = _quality(ctx, quality)
    email = validators.email(email, "email")
    apps = _apps(q, applications)
    if niss is not None:
        niss = validators.niss(niss, "niss")
    inv = _new_invitation(ctx, q, "email", apps, email=email, niss=niss, days=settings()["invitation_validity_days"])
    ent = ctx.state["enterprises"][q["enterprise"]]
    ctx.send_mail(email, "invitation", {"manager": f"{ctx.person['first_name']} {ctx.person['name']}",
                                        "quality": {lang: catalogue.name(q["type"], lang) for lang in messages.LANGUAGES},
                                        "enterprise": ent["name"], "code": inv["code"],
                                        "expires": messages.date_words(inv["expires"])},
                  data={"invitation": inv["id"], "code": inv["code"]})
    return views.invitation(inv, ctx.today)


def _apps(q, apps: list[str]) -> list[str]:
    return common.applications(q, apps, "applications")


@command("assignment.publish_link", action="assignment.publish_link", group="assignment", effect="write",
         text={"fr": "Publier un lien d'attribution : toute personne connectée qui l'ouvre reçoit le rôle d'utilisateur.",
               "nl": "Een toewijzingslink publiceren: elke aangemelde persoon die hem opent, krijgt de gebruikersrol.",
               "de": "Einen Zuweisungslink veröffentlichen: Jede angemeldete Person, die ihn öffnet, erhält die Benutzerrolle."},
         args=(APPS_ARG, QUALITY_ARG))
def publish_link(ctx, applications: list, quality=None):
    q = _quality(ctx, quality)
    inv = _new_invitation(ctx, q, "link", _apps(q, applications), days=settings()["link_validity_days"])
    return views.invitation(inv, ctx.today)


@command("assignment.assign", action="assignment.assign", group="assignment", effect="write",
         text={"fr": "Attribuer directement un rôle d'utilisateur de la qualité à une personne (par son NISS).",
               "nl": "Een gebruikersrol van de hoedanigheid rechtstreeks aan een persoon toekennen (via het INSZ).",
               "de": "Einer Person direkt eine Benutzerrolle der Eigenschaft zuweisen (über ihre ENSS)."},
         args=(Arg("person", "object", PERSON_DOC), APPS_ARG, QUALITY_ARG,
               Arg("email", "string", {"fr": "Adresse e-mail liée au rôle",
                                       "nl": "E-mailadres van de rol",
                                       "de": "Mit der Rolle verknüpfte E-Mail-Adresse"}, required=False)))
def assign(ctx, person, applications: list, quality=None, email=None):
    q = _quality(ctx, quality)
    apps = _apps(q, applications)
    if email is not None:
        email = validators.email(email, "email")
    target = resolve_person(ctx, person, "person", allow_self=False)
    role = create_role(ctx, target, "user", q["enterprise"], q["id"], email=email,
                       applications={a: ctx.today for a in apps})
    ctx.note_target(person=target["id"], role=role["id"])
    return views.role(ctx.state, role, ctx.lang)


@command("assignment.list_quality", action="assignment.list_quality", group="assignment",
         text={"fr": "Les invitations et les liens de la qualité, avec leur état.",
               "nl": "De uitnodigingen en links van de hoedanigheid, met hun status.",
               "de": "Die Einladungen und Links der Eigenschaft mit ihrem Stand."},
         args=(QUALITY_ARG,))
def list_quality(ctx, quality=None):
    q = _quality(ctx, quality)
    return [views.invitation(inv, ctx.today) for inv in ctx.state["invitations"].values() if inv["quality"] == q["id"]]


@command("assignment.withdraw", action="assignment.withdraw", group="assignment", effect="write",
         text={"fr": "Retirer une invitation ou un lien : il ne peut plus servir.",
               "nl": "Een uitnodiging of link intrekken: ze kan niet meer gebruikt worden.",
               "de": "Eine Einladung oder einen Link zurückziehen: Er kann nicht mehr verwendet werden."},
         args=(Arg("invitation", "string", {"fr": "Identifiant de l'invitation ou du lien",
                                            "nl": "Identificatie van de uitnodiging of link",
                                            "de": "Kennung der Einladung oder des Links"}),))
def withdraw(ctx, invitation):
    inv = ctx.get("invitations", invitation, "invitation", "invitation")
    q = ctx.state["qualities"][inv["quality"]]
    ctx.authorize(enterprise=q["enterprise"], quality=q["id"], invitation=inv["id"])
    status = views.invitation(inv, ctx.today)["status"]
    if status not in ("pending", "published"):
        raise EngineError("invitation_unusable", field="invitation", status=messages.INVITATION_STATUS[status])
    ctx.tx.set(inv, "status", "withdrawn")
    return views.invitation(inv, ctx.today)


@command("assignment.request", action="assignment.request", group="assignment", effect="write",
         text={"fr": "Demander soi-même un rôle. Toujours refusé : un gestionnaire doit vous inviter, vous attribuer le rôle ou publier un lien.",
               "nl": "Zelf een rol aanvragen. Altijd geweigerd: een beheerder moet u uitnodigen, de rol toekennen of een link publiceren.",
               "de": "Selbst eine Rolle beantragen. Immer abgelehnt: Ein Verwalter muss Sie einladen, Ihnen die Rolle zuweisen oder einen Link veröffentlichen."},
         args=(QUALITY_ARG,))
def request(ctx, quality=None):
    # The policy refuses every role before this runs.
    raise EngineError("forbidden", rule="assignment_by_invitation_only", instead=["gl", "co_gl"])


@command("assignment.accept", action="assignment.accept", group="assignment", effect="write",
         text={"fr": "Accepter une invitation ou un lien avec son code : vous recevez le rôle d'utilisateur de la qualité.",
               "nl": "Een uitnodiging of link aanvaarden met de code: u krijgt de gebruikersrol van de hoedanigheid.",
               "de": "Eine Einladung oder einen Link mit dem Code annehmen: Sie erhalten die Benutzerrolle der Eigenschaft."},
         args=(Arg("code", "string", {"fr": "Code reçu par e-mail ou dans le lien",
                                      "nl": "Code ontvangen per e-mail of in de link",
                                      "de": "Per E-Mail oder im Link erhaltener Code"}),))
def accept(ctx, code):
    wanted = code.strip().upper()
    inv = next((i for i in ctx.state["invitations"].values() if i["code"] == wanted), None)
    if inv is None:
        raise EngineError("not_found", field="code", entity=messages.entity("invitation", ctx.lang))
    status = views.invitation(inv, ctx.today)["status"]
    if status not in ("pending", "published"):
        raise EngineError("invitation_unusable", field="code", status=messages.INVITATION_STATUS[status])
    if inv["niss"] is not None and inv["niss"] != ctx.person["niss"]:
        raise EngineError("invitation_for_someone_else", field="code")
    ctx.authorize(person=ctx.person["id"])
    q = ctx.state["qualities"][inv["quality"]]
    role = create_role(ctx, ctx.person, "user", q["enterprise"], q["id"], email=inv["email"],
                       applications={a: ctx.today for a in inv["applications"]})
    if inv["kind"] == "email":
        ctx.tx.set(inv, "status", "accepted")
    ctx.tx.set(inv, "uses", inv["uses"] + 1)
    ctx.note_target(quality=q["id"], role=role["id"], invitation=inv["id"])
    return views.role(ctx.state, role, ctx.lang)


@command("assignment.list_own", action="assignment.list_own", group="assignment",
         text={"fr": "Vos attributions de rôle, avec l'e-mail lié à chacune.",
               "nl": "Uw roltoewijzingen, met het e-mailadres van elk.",
               "de": "Ihre Rollenzuweisungen mit der E-Mail-Adresse, die mit jeder verknüpft ist."})
def list_own(ctx):
    ctx.authorize(person=ctx.person["id"])
    return [views.role(ctx.state, r, ctx.lang, with_person=False) for r in roles_of(ctx.state, ctx.person["id"])]


# Roles that end on their holder's request; the others are refused with the rule that says who
# changes them instead.
NOT_ON_REQUEST = {"rae": "rae_change_via_contact_centre", "gl": "gl_designated_by_rae",
                  "legal_rep": "legal_rep_from_statutes"}


def _manager_email(ctx, role: dict) -> str | None:
    kind = "rae" if role["kind"] == "co_rae" else "gl"
    for r in ctx.state["roles"].values():
        if r["kind"] == kind and r["enterprise"] == role["enterprise"] and (kind == "rae" or r["quality"] == role["quality"]):
            return r["email"]
    return None


@command("assignment.request_deactivation", action="assignment.request_deactivation", group="assignment", effect="write",
         text={"fr": "Désactiver un de vos rôles (utilisateur, co-GL, co-RAE) ; son gestionnaire est prévenu par e-mail.",
               "nl": "Een van uw rollen deactiveren (gebruiker, co-lokale beheerder, co-VTE); de beheerder krijgt een e-mail.",
               "de": "Eine Ihrer Rollen deaktivieren (Benutzer, lokaler Co-Verwalter, Co-VZU); ihr Verwalter wird per E-Mail benachrichtigt."},
         args=(Arg("role", "string", {"fr": "Votre rôle à désactiver",
                                      "nl": "Uw te deactiveren rol",
                                      "de": "Ihre Rolle, die deaktiviert wird"}),))
def request_deactivation(ctx, role):
    r = ctx.get("roles", role, "role", "role")
    ctx.authorize(person=r["person"], role=r["id"])
    if r["kind"] in NOT_ON_REQUEST:
        rule = NOT_ON_REQUEST[r["kind"]]
        raise EngineError("deactivation_not_possible", field="role", rule=rule,
                          explanation=policy.explanation(rule, ctx.lang))
    quality = ctx.state["qualities"][r["quality"]] if r["quality"] else None
    where = ctx.state["enterprises"][r["enterprise"]]["name"]
    ctx.send_mail(_manager_email(ctx, r), "deactivation_request",
                  {"person": f"{ctx.person['first_name']} {ctx.person['name']}",
                   "role": {lang: policy.role_name(r["kind"], lang) for lang in messages.LANGUAGES},
                   "quality": {lang: catalogue.name(quality["type"], lang) if quality else where for lang in messages.LANGUAGES}})
    ctx.note_target(enterprise=r["enterprise"], quality=r["quality"])
    delete_role(ctx, r)
    return {"role": role, "deactivated": True}


@command("assignment.change_email", action="assignment.change_email", group="assignment", effect="write",
         text={"fr": "Changer l'adresse e-mail liée à un ou plusieurs de vos rôles.",
               "nl": "Het e-mailadres van een of meer van uw rollen wijzigen.",
               "de": "Die E-Mail-Adresse ändern, die mit einer oder mehreren Ihrer Rollen verknüpft ist."},
         args=(Arg("roles", "string_list", {"fr": "Vos rôles concernés",
                                            "nl": "Uw betrokken rollen",
                                            "de": "Ihre betroffenen Rollen"}),
               Arg("email", "string", {"fr": "Nouvelle adresse e-mail",
                                       "nl": "Nieuw e-mailadres",
                                       "de": "Neue E-Mail-Adresse"})))
def change_email(ctx, roles, email):
    if not roles:
        raise EngineError("missing_argument", field="roles")
    email = validators.email(email, "email")
    changed = []
    for role_id in dict.fromkeys(roles):
        r = ctx.get("roles", role_id, "roles", "role")
        ctx.authorize(person=r["person"])
        ctx.tx.set(r, "email", email)
        touch(ctx, r)
        changed.append(role_id)
    return {"roles": changed, "email": email}


