"""Quality level: the quality's detail and data, its technical user, the routing module and the
batch channels of structured messages."""

from __future__ import annotations

from .. import catalogue, messages, validators, views
from ..errors import EngineError, FieldError
from .common import target_role
from .enterprise import quality_fields
from .registry import Arg, command

QUALITY_ARG = Arg("quality", "string", {"fr": "Qualité (par défaut celle du profil)",
                                        "nl": "Hoedanigheid (standaard die van het profiel)",
                                        "de": "Eigenschaft (standardmäßig die des Profils)"},
                  required=False)


def _quality(ctx, quality):
    q = ctx.quality_arg(quality)
    ctx.authorize(enterprise=q["enterprise"], quality=q["id"])
    return q


def _routing_view(ctx, q: dict) -> list[dict]:
    lang = messages.language(ctx.lang)
    out = []
    for decl, setting in q["routing"].items():
        recipient = dict(setting["recipient"])
        if recipient["kind"] == "mandatary":
            proc = q["procurations"][recipient["procuration"]]
            recipient.update(mandatary_name=proc["mandatary_name"], mandatary_number=proc["mandatary_number"])
        out.append({"declaration": decl, "name": catalogue.declarations()[decl][lang], "recipient": recipient,
                    "channel": setting["channel"], "modified": setting["modified"]})
    return out


@command("quality.view", action="quality.view", group="quality",
         text={"fr": "Le détail de la qualité : identification, e-mail, GL, utilisateur technique et applications sécurisées.",
               "nl": "De gegevens van de hoedanigheid: identificatie, e-mailadres, lokale beheerder, technische gebruiker en beveiligde toepassingen.",
               "de": "Die Angaben zur Eigenschaft: Identifikation, E-Mail-Adresse, lokaler Verwalter, technischer Benutzer und gesicherte Anwendungen."},
         args=(QUALITY_ARG,))
def view(ctx, quality=None):
    return _detail(ctx, _quality(ctx, quality))


def _detail(ctx, q: dict) -> dict:
    lang = messages.language(ctx.lang)
    qtype = catalogue.quality_type(q["type"])
    gl = next((r for r in ctx.state["roles"].values() if r["kind"] == "gl" and r["quality"] == q["id"]), None)
    tech = ctx.state["roles"].get(q["technical_user"]) if q["technical_user"] else None
    return {
        **views.quality_brief(q, ctx.lang), "created": q["created"], "email": q["email"],
        "fields": [{"id": f["id"], "label": f[lang], "type": f["type"], "value": q["fields"].get(f["id"])}
                   for f in qtype["fields"]],
        "gl": views.person(ctx.state, ctx.state["people"][gl["person"]], ctx.lang) if gl else None,
        "technical_user": views.user_row(ctx.state, tech, ctx.lang) if tech else None,
        "applications": [{"id": a, "name": catalogue.application_name(a, lang), "since": q["created"]}
                         for a in qtype["applications"]],
        "channels": [dict(c) for c in q["channels"].values()],
        "routing": _routing_view(ctx, q),
    }


@command("quality.edit", action="quality.edit", group="quality", effect="write",
         text={"fr": "Modifier l'adresse e-mail de la qualité et les données propres à son type (l'identifiant ne change pas).",
               "nl": "Het e-mailadres van de hoedanigheid en de gegevens van haar soort wijzigen (de identificatie verandert niet).",
               "de": "Die E-Mail-Adresse der Eigenschaft und die Angaben ihrer Art ändern (die Kennung ändert sich nicht)."},
         args=(QUALITY_ARG, Arg("email", "string", {"fr": "Adresse e-mail de la qualité",
                                                    "nl": "E-mailadres van de hoedanigheid",
                                                    "de": "E-Mail-Adresse der Eigenschaft"}, required=False),
               Arg("fields", "object", {"fr": "Données propres au type de qualité",
                                        "nl": "Gegevens van de soort hoedanigheid",
                                        "de": "Angaben, die zur Art der Eigenschaft gehören"}, required=False)))
def edit(ctx, quality=None, email=None, fields=None):
    q = _quality(ctx, quality)
    if email is not None:
        ctx.tx.set(q, "email", validators.email(email, "email"))
    if fields:
        ctx.tx.set(q, "fields", quality_fields(catalogue.quality_type(q["type"]), fields, q["fields"]))
    return _detail(ctx, q)


@command("technical_user.designate", action="technical_user.designate", group="quality", effect="write",
         text={"fr": "Désigner, parmi les utilisateurs actifs de la qualité, l'utilisateur technique (contact des messages structurés).",
               "nl": "Onder de actieve gebruikers van de hoedanigheid de technische gebruiker aanwijzen (contactpersoon voor gestructureerde berichten).",
               "de": "Unter den aktiven Benutzern der Eigenschaft den technischen Benutzer benennen (Ansprechpartner für die strukturierten Berichte)."},
         args=(Arg("role", "string", {"fr": "Rôle d'utilisateur de la qualité",
                                      "nl": "Gebruikersrol van de hoedanigheid",
                                      "de": "Benutzerrolle der Eigenschaft"}),))
def designate_technical_user(ctx, role):
    r = target_role(ctx, role, "user")
    if r["status"] != "active":
        raise EngineError("not_a_user_of_quality", field="role")
    q = ctx.state["qualities"][r["quality"]]
    ctx.tx.set(q, "technical_user", r["id"])
    return {"quality": q["id"], "technical_user": views.user_row(ctx.state, r, ctx.lang)}


@command("routing.view", action="routing.view", group="quality",
         text={"fr": "Le module de routage : pour chaque déclaration, le destinataire et le canal.",
               "nl": "De routeringsmodule: voor elke aangifte de bestemmeling en het kanaal.",
               "de": "Das Routing-Modul: für jede Meldung der Empfänger und der Kanal."},
         args=(QUALITY_ARG,))
def routing_view(ctx, quality=None):
    q = _quality(ctx, quality)
    return {"quality": q["id"], "routing": _routing_view(ctx, q),
            "procurations": [dict(p, declarations=list(p["declarations"])) for p in q["procurations"].values()],
            "channels": [dict(c) for c in q["channels"].values()]}


@command("routing.edit", action="routing.edit", group="quality", effect="write",
         text={"fr": "Choisir pour une déclaration le destinataire (l'entreprise ou un mandataire avec procuration) et, si c'est l'entreprise, le canal (e-Box ou canal batch enregistré).",
               "nl": "Voor een aangifte de bestemmeling kiezen (de onderneming of een mandataris met volmacht) en, als het de onderneming is, het kanaal (e-Box of geregistreerd batchkanaal).",
               "de": "Für eine Meldung den Empfänger wählen (das Unternehmen oder einen Bevollmächtigten mit Vollmacht) und, wenn es das Unternehmen ist, den Kanal (e-Box oder registrierter Batch-Kanal)."},
         args=(QUALITY_ARG, Arg("declaration", "string", {"fr": "Déclaration (drs)",
                                                          "nl": "Aangifte (drs)",
                                                          "de": "Meldung (drs)"}),
               Arg("recipient", "string", {"fr": "enterprise ou mandatary",
                                           "nl": "enterprise of mandatary",
                                           "de": "enterprise oder mandatary"}, choices=("enterprise", "mandatary")),
               Arg("procuration", "string", {"fr": "Procuration qui désigne le mandataire",
                                             "nl": "Volmacht die de mandataris aanwijst",
                                             "de": "Vollmacht, die den Bevollmächtigten benennt"},
                   required=False),
               Arg("channel", "string", {"fr": "ebox ou identifiant d'un canal batch",
                                         "nl": "ebox of identificatie van een batchkanaal",
                                         "de": "ebox oder Kennung eines Batch-Kanals"},
                   required=False)))
def routing_edit(ctx, declaration, recipient, quality=None, procuration=None, channel=None):
    q = _quality(ctx, quality)
    if declaration not in q["routing"]:
        raise EngineError("unknown_declaration", field="declaration", declaration=declaration)
    if recipient == "enterprise":
        if channel is None:
            raise EngineError("missing_argument", field="channel")
        if channel != "ebox" and channel not in q["channels"]:
            raise EngineError("channel_not_registered", field="channel")
        setting = {"recipient": {"kind": "enterprise"}, "channel": channel, "modified": ctx.today}
    else:
        if procuration is None:
            raise EngineError("missing_argument", field="procuration")
        proc = q["procurations"].get(procuration)
        if proc is None or declaration not in proc["declarations"]:
            raise EngineError("no_procuration", field="procuration")
        if channel is not None:
            raise EngineError("channel_chosen_by_mandatary", field="channel")
        setting = {"recipient": {"kind": "mandatary", "procuration": procuration}, "channel": None, "modified": ctx.today}
    routing = dict(q["routing"])
    routing[declaration] = setting
    ctx.tx.set(q, "routing", routing)
    return {"quality": q["id"], "routing": _routing_view(ctx, q)}


@command("batch_channel.register", action="batch_channel.register", group="quality", effect="write",
         text={"fr": "Enregistrer un canal batch (FTP, MQLink ou Isabel) pour les messages structurés de la qualité.",
               "nl": "Een batchkanaal (FTP, MQLink of Isabel) registreren voor de gestructureerde berichten van de hoedanigheid.",
               "de": "Einen Batch-Kanal (FTP, MQLink oder Isabel) für die strukturierten Berichte der Eigenschaft registrieren."},
         args=(QUALITY_ARG, Arg("kind", "string", {"fr": "Type de canal : ftp, mqlink ou isabel",
                                                   "nl": "Soort kanaal: ftp, mqlink of isabel",
                                                   "de": "Art des Kanals: ftp, mqlink oder isabel"},
                   choices=tuple(catalogue.channel_kinds())),
               Arg("address", "string", {"fr": "Adresse ou identifiant du canal",
                                         "nl": "Adres of identificatie van het kanaal",
                                         "de": "Adresse oder Kennung des Kanals"})))
def register_channel(ctx, kind, address, quality=None):
    q = _quality(ctx, quality)
    address = address.strip()
    if not address:
        raise FieldError("address", "text.empty")
    cid = ctx.new_id("qualities", "channel")
    while cid in q["channels"]:
        cid = ctx.new_id("qualities", "channel")
    channels = dict(q["channels"])
    channels[cid] = {"id": cid, "kind": kind, "address": address, "registered": ctx.today}
    ctx.tx.set(q, "channels", channels)
    return dict(channels[cid])
