"""Enterprise level: registration by the legal representative, the enterprise's detail, the RAE
(whose change the engine refuses: the contact centre does it), activating qualities and
designating their GL."""

from __future__ import annotations

import datetime as _dt

from .. import bounds, catalogue, messages, validators, views
from ..errors import EngineError, Faults, FieldError
from .common import PERSON_DOC, create_role, delete_role, find_role, resolve_person
from .registry import Arg, command


@command("enterprise.register", action="enterprise.register", group="enterprise", effect="write",
         text={"fr": "Enregistrer l'entreprise et désigner son RAE (vous-même ou une autre personne) et, au choix, un co-RAE.",
               "nl": "De onderneming registreren en haar VTE aanwijzen (uzelf of iemand anders) en naar keuze een co-VTE.",
               "de": "Das Unternehmen registrieren und seinen VZU (Sie selbst oder eine andere Person) sowie wahlweise einen Co-VZU benennen."},
         args=(Arg("email", "string", {"fr": "Adresse e-mail de l'entreprise",
                                       "nl": "E-mailadres van de onderneming",
                                       "de": "E-Mail-Adresse des Unternehmens"}),
               Arg("rae", "object", PERSON_DOC),
               Arg("co_rae", "object", {"fr": "co-RAE désigné en même temps (facultatif) : " + PERSON_DOC["fr"],
                                        "nl": "Co-VTE die tegelijk wordt aangewezen (facultatief): " + PERSON_DOC["nl"],
                                        "de": "Co-VZU, der gleichzeitig benannt wird (wahlweise): " + PERSON_DOC["de"]}, required=False),
               Arg("enterprise", "string", {"fr": "Entreprise (par défaut celle du profil)",
                                            "nl": "Onderneming (standaard die van het profiel)",
                                            "de": "Unternehmen (standardmäßig das des Profils)"},
                   required=False)))
def register(ctx, email, rae, co_rae=None, enterprise=None):
    """Seed 004 (the legal representative's answers): the RAE is designated at registration, and
    the legal representative "can also designate themself RAE or designate a co-RAE"; afterwards
    only the RAE manages co-RAEs (seed 000 §4.1.3), hence the co-RAE here and not in co_rae.add."""
    ent = ctx.enterprise_arg(enterprise)
    ctx.authorize(enterprise=ent["id"])
    if ent["created"] is not None:
        raise EngineError("already_registered", rule="one_rae")
    email = validators.email(email, "email")
    person = resolve_person(ctx, rae, "rae")
    ctx.tx.set(ent, "email", email)
    ctx.tx.set(ent, "created", ctx.today)
    role = create_role(ctx, person, "rae", ent["id"])
    ctx.note_target(person=person["id"], role=role["id"])
    ctx.send_mail(person["email"], "rae_designated", {"enterprise": ent["name"], "username": person["username"] or "eID"})
    second = None
    if co_rae is not None:
        deputy = resolve_person(ctx, co_rae, "co_rae")
        if deputy["id"] == person["id"]:
            raise EngineError("already_has_role", field="co_rae")
        second = create_role(ctx, deputy, "co_rae", ent["id"])
        ctx.send_mail(deputy["email"], "co_rae_designated",
                      {"enterprise": ent["name"], "username": deputy["username"] or "eID"})
    return {"enterprise": views.enterprise_brief(ent), "rae": views.role(ctx.state, role, ctx.lang),
            "co_rae": views.role(ctx.state, second, ctx.lang) if second else None}


def _rae(ctx, enterprise_id: str) -> dict | None:
    for r in ctx.state["roles"].values():
        if r["kind"] == "rae" and r["enterprise"] == enterprise_id:
            return r
    return None


@command("enterprise.view", action="enterprise.view", group="enterprise",
         text={"fr": "Le détail de l'entreprise : identification, RAE et liste des qualités actives.",
               "nl": "De gegevens van de onderneming: identificatie, VTE en lijst van de actieve hoedanigheden.",
               "de": "Die Angaben zum Unternehmen: Identifikation, VZU und Liste der aktiven Eigenschaften."},
         args=(Arg("enterprise", "string", {"fr": "Entreprise (par défaut celle du profil)",
                                            "nl": "Onderneming (standaard die van het profiel)",
                                            "de": "Unternehmen (standardmäßig das des Profils)"},
                   required=False),))
def view(ctx, enterprise=None):
    ent = ctx.enterprise_arg(enterprise)
    ctx.authorize(enterprise=ent["id"])
    rae = _rae(ctx, ent["id"])
    qualities = [q for q in ctx.state["qualities"].values() if q["enterprise"] == ent["id"]]
    return {
        **views.enterprise_brief(ent), "email": ent["email"], "created": ent["created"],
        "rae": views.person(ctx.state, ctx.state["people"][rae["person"]], ctx.lang) if rae else None,
        "legal_representatives": [views.person_brief(ctx.state["people"][r["person"]]) for r in ctx.state["roles"].values()
                                   if r["kind"] == "legal_rep" and r["enterprise"] == ent["id"]],
        "qualities": [{**views.quality_brief(q, ctx.lang), "created": q["created"],
                       "gl": _gl_brief(ctx, q["id"])} for q in qualities],
        "activatable": [{"type": t, "name": catalogue.name(t, ctx.lang)} for t in catalogue.quality_types()],
    }


def _gl_brief(ctx, quality_id: str) -> dict | None:
    for r in ctx.state["roles"].values():
        if r["kind"] == "gl" and r["quality"] == quality_id:
            return {"role": r["id"], **views.person_brief(ctx.state["people"][r["person"]])}
    return None


@command("enterprise.change_rae", action="enterprise.change_rae", group="enterprise", effect="write",
         text={"fr": "Changer de RAE. Toujours refusé : le Centre de contact fait ce changement.",
               "nl": "De VTE wijzigen. Altijd geweigerd: het Contactcenter voert die wijziging door.",
               "de": "Den VZU wechseln. Immer abgelehnt: Das Kontaktzentrum nimmt diese Änderung vor."},
         args=(Arg("rae", "object", PERSON_DOC, required=False),))
def change_rae(ctx, rae=None):
    # The policy refuses every role before this runs; reaching here would be a policy error.
    raise EngineError("forbidden", rule="rae_change_via_contact_centre", instead=["contact_centre"])


def _field_value(spec: dict, value, field: str):
    kind = spec["type"]
    if kind == "enterprise_number":
        return validators.enterprise_number(value, field)
    if kind == "onss_number":
        return validators.onss_number(value, field)
    if kind == "niss":
        return validators.niss(value, field)
    if not isinstance(value, str):
        raise FieldError(field, "type.string")
    value = bounds.text(value, field).strip()
    if kind == "date":
        try:
            return _dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise FieldError(field, "type.date") from None
    if kind == "digits":
        if not value.isdigit():
            raise FieldError(field, "digits.format")
        if not spec["min_length"] <= len(value) <= spec["max_length"]:
            raise FieldError(field, "digits.length", min=spec["min_length"], max=spec["max_length"])
        return value
    if not value:
        raise FieldError(field, "text.empty")
    return value


def quality_fields(qtype: dict, given: dict, current: dict | None = None) -> dict:
    """Check the activation fields of a quality type; `current` allows partial edits."""
    specs = {f["id"]: f for f in qtype["fields"]}
    faults = Faults()
    for key in given:
        if key not in specs:
            faults.add(EngineError("unknown_argument", field=f"fields.{key}"))
    out = dict(current or {})
    for key, spec in specs.items():
        if key in given:
            out[key] = faults.check(_field_value, spec, given[key], f"fields.{key}")
        elif spec["required"] and key not in out:
            faults.add(EngineError("missing_argument", field=f"fields.{key}"))
    faults.done()
    return out


def _identifier(ctx, qtype: dict, ent: dict, identifier):
    kind = qtype["identifier"]
    if kind == "enterprise_number":
        if identifier is not None and validators.enterprise_number(identifier, "identifier") != ent["number"]:
            raise EngineError("identifier_mismatch", field="identifier",
                              expected=validators.format_enterprise_number(ent["number"]))
        return ent["number"]
    if identifier is None:
        raise EngineError("missing_argument", field="identifier")
    if kind == "onss_number":
        return validators.onss_number(identifier, "identifier")
    return validators.niss(identifier, "identifier")


@command("quality.activate", action="quality.activate", group="enterprise", effect="write",
         text={"fr": "Activer une qualité pour l'entreprise, avec ses données d'identification et son GL (vous-même ou une autre personne).",
               "nl": "Een hoedanigheid activeren voor de onderneming, met haar identificatiegegevens en haar lokale beheerder (uzelf of iemand anders).",
               "de": "Eine Eigenschaft für das Unternehmen aktivieren, mit ihren Identifikationsdaten und ihrem lokalen Verwalter (Sie selbst oder eine andere Person)."},
         args=(Arg("type", "string", {"fr": "Type de qualité (catalogue)",
                                      "nl": "Soort hoedanigheid (catalogus)",
                                      "de": "Art der Eigenschaft (Katalog)"}),
               Arg("gl", "object", PERSON_DOC),
               Arg("identifier", "string", {"fr": "Identifiant (matricule ONSS, NISS ; le numéro d'entreprise est repris d'office)",
                                            "nl": "Identificatie (RSZ-nummer, INSZ; het ondernemingsnummer wordt automatisch overgenomen)",
                                            "de": "Kennung (LSS-Registrierungsnummer, ENSS; die Unternehmensnummer wird automatisch übernommen)"}, required=False),
               Arg("fields", "object", {"fr": "Données demandées par ce type de qualité",
                                        "nl": "Gegevens die deze soort hoedanigheid vraagt",
                                        "de": "Angaben, die diese Art von Eigenschaft verlangt"},
                   required=False),
               Arg("email", "string", {"fr": "Adresse e-mail de la qualité",
                                       "nl": "E-mailadres van de hoedanigheid",
                                       "de": "E-Mail-Adresse der Eigenschaft"}, required=False),
               Arg("enterprise", "string", {"fr": "Entreprise (par défaut celle du profil)",
                                            "nl": "Onderneming (standaard die van het profiel)",
                                            "de": "Unternehmen (standardmäßig das des Profils)"},
                   required=False)))
def activate(ctx, type, gl, identifier=None, fields=None, email=None, enterprise=None):  # noqa: A002 - protocol name
    ent = ctx.enterprise_arg(enterprise)
    ctx.authorize(enterprise=ent["id"])
    if ent["created"] is None:
        raise EngineError("not_registered")
    qtype = catalogue.quality_type(type)
    if qtype is None:
        raise FieldError("type", "choice.unknown",
                         choices={lang: ", ".join(catalogue.name(t, lang) for t in catalogue.quality_types())
                                  for lang in messages.LANGUAGES})
    faults = Faults()
    ident = faults.check(_identifier, ctx, qtype, ent, identifier)
    for q in ctx.state["qualities"].values():
        if ident is not None and q["enterprise"] == ent["id"] and q["type"] == type and q["identifier"] == ident:
            raise EngineError("quality_already_active", field="type")
    values = faults.check(quality_fields, qtype, fields or {})
    if email is not None:
        email = faults.check(validators.email, email, "email")
    person = faults.check(resolve_person, ctx, gl, "gl")
    faults.done()
    qid = ctx.new_id("qualities", "quality")
    quality = {"id": qid, "enterprise": ent["id"], "type": type, "identifier": ident, "fields": values, "email": email,
               "created": ctx.today, "technical_user": None,
               "routing": {d: {"recipient": {"kind": "enterprise"}, "channel": "ebox", "modified": ctx.today}
                           for d in qtype["routing"]},
               "channels": {}, "procurations": {}}
    ctx.tx.set(ctx.state["qualities"], qid, quality)
    role = create_role(ctx, person, "gl", ent["id"], qid)
    ctx.note_target(quality=qid, person=person["id"], role=role["id"])
    return {"quality": views.quality_brief(quality, ctx.lang), "gl": views.role(ctx.state, role, ctx.lang)}


@command("quality.designate_gl", action="quality.designate_gl", group="enterprise", effect="write",
         text={"fr": "Désigner un nouveau GL pour une qualité ; l'ancien GL perd ce rôle.",
               "nl": "Een nieuwe lokale beheerder aanwijzen voor een hoedanigheid; de vorige verliest die rol.",
               "de": "Einen neuen lokalen Verwalter für eine Eigenschaft benennen; der bisherige verliert diese Rolle."},
         args=(Arg("quality", "string", {"fr": "Qualité", "nl": "Hoedanigheid", "de": "Eigenschaft"}),
               Arg("gl", "object", PERSON_DOC)))
def designate_gl(ctx, quality, gl):
    q = ctx.get("qualities", quality, "quality", "quality")
    ctx.authorize(enterprise=q["enterprise"], quality=q["id"])
    person = resolve_person(ctx, gl, "gl")
    current = next((r for r in ctx.state["roles"].values() if r["kind"] == "gl" and r["quality"] == q["id"]), None)
    if current is not None and current["person"] == person["id"]:
        raise EngineError("already_has_role", field="gl")
    co_gl = find_role(ctx.state, person["id"], "co_gl", q["enterprise"], q["id"])
    if co_gl is not None:
        delete_role(ctx, co_gl)  # the new GL no longer needs the co-GL role
    if current is not None:
        delete_role(ctx, current)
    role = create_role(ctx, person, "gl", q["enterprise"], q["id"])
    ctx.note_target(person=person["id"], role=role["id"])
    return {"gl": views.role(ctx.state, role, ctx.lang),
            "previous": views.person_brief(ctx.state["people"][current["person"]]) if current else None}
