"""System commands: the engine describing itself (commands, policy, catalogue, validators) and
the demo's controls over the state (export, load, reset, outbox, journal, a simulated entry
in the Crossroads Bank for Enterprises). They are outside the simulated application, need no
session and bypass the policy: they stand for what the demo's host page does, not for a role."""

from __future__ import annotations

import copy

from .. import bounds, catalogue, messages, policy, validators
from .. import state as state_mod
from ..errors import EngineError, FieldError
from ..resources import load_json
from .common import new_username, resolve_person
from .registry import Arg, command
from .registry import catalogue as command_catalogue

MAX_USERS = 200_000
VALIDATORS = {
    "niss": validators.niss, "enterprise_number": validators.enterprise_number, "onss_number": validators.onss_number,
    "email": validators.email, "username": validators.username, "password": validators.password,
}
# Checks that also read the current state: a username must be valid and nobody's yet.
STATE_CHECKS = {"username": new_username}
FORMATTERS = {"niss": validators.format_niss, "enterprise_number": validators.format_enterprise_number,
              "onss_number": validators.format_onss_number}


@command("engine.commands", group="engine", journaled=False,
         text={"fr": "Le catalogue des commandes : arguments, types et descriptions.",
               "nl": "De catalogus van de opdrachten: argumenten, types en beschrijvingen.",
               "de": "Der Katalog der Befehle: Argumente, Typen und Beschreibungen."})
def commands(ctx):
    return {"schema_version": state_mod.VERSION, "commands": command_catalogue()}


@command("engine.policy", group="engine", journaled=False,
         text={"fr": "La table des droits : rôles, actions, portées, règles et explications.",
               "nl": "De rechtentabel: rollen, handelingen, reikwijdtes, regels en uitleg.",
               "de": "Die Rechtetabelle: Rollen, Aktionen, Geltungsbereiche, Regeln und Erklärungen."})
def policy_table(ctx):
    return policy.export()


@command("engine.catalogue", group="engine", journaled=False,
         text={"fr": "Le catalogue des qualités, les règles des noms d'utilisateur et des mots de passe, et la longueur maximale de chaque champ de texte.",
               "nl": "De catalogus van de hoedanigheden, de regels voor gebruikersnamen en wachtwoorden, en de maximale lengte van elk tekstveld.",
               "de": "Der Katalog der Eigenschaften, die Regeln für Benutzernamen und Passwörter und die maximale Länge jedes Textfelds."})
def quality_catalogue(ctx):
    rules = copy.deepcopy(load_json("password_rules"))
    return {"qualities": catalogue.export(), "password_rules": rules, "assignments": copy.deepcopy(load_json("assignments")),
            "field_limits": bounds.export()}


@command("engine.validate", group="engine", journaled=False,
         text={"fr": "Vérifier une valeur (niss, enterprise_number, onss_number, email, username, password) sans rien enregistrer ; un nom d'utilisateur déjà pris est refusé.",
               "nl": "Een waarde controleren (niss, enterprise_number, onss_number, email, username, password) zonder iets op te slaan; een gebruikersnaam die al in gebruik is, wordt geweigerd.",
               "de": "Einen Wert prüfen (niss, enterprise_number, onss_number, email, username, password), ohne etwas zu speichern; ein bereits vergebener Benutzername wird abgelehnt."},
         args=(Arg("field", "string", {"fr": "Type de valeur", "nl": "Soort waarde", "de": "Art des Werts"}, choices=tuple(VALIDATORS)),
               Arg("value", "string", {"fr": "Valeur à vérifier",
                                       "nl": "Te controleren waarde",
                                       "de": "Zu prüfender Wert"})))
def validate(ctx, field, value):
    # The same check the commands make, so a form's live check of each value finds on submit every
    # fault the command would: for a username that includes "taken" in the current state (the
    # state is read, never written).
    try:
        check = STATE_CHECKS.get(field)
        normalised = check(ctx.state, value, field) if check else VALIDATORS[field](value, field)
    except FieldError as exc:
        return {"valid": False, "code": exc.code, "reason": exc.reason,
                "message": messages.reason_text(exc.reason, ctx.lang, dict(exc.params), exc.field)}
    except EngineError as exc:
        return {"valid": False, "code": exc.code, "reason": None,
                "message": messages.render(exc.code, ctx.lang, dict(exc.params), exc.field)}
    out = {"valid": True, "value": normalised}
    if field in FORMATTERS:
        out["formatted"] = FORMATTERS[field](normalised)
    if field == "niss":
        out["kind"] = validators.niss_kind(normalised)
    return out


@command("state.export", group="state", journaled=False,
         text={"fr": "L'état complet, en JSON, pour le sauver, le partager ou le recharger plus tard.",
               "nl": "De volledige toestand, in JSON, om te bewaren, te delen of later opnieuw te laden.",
               "de": "Der vollständige Stand als JSON, um ihn zu speichern, zu teilen oder später wieder zu laden."})
def export(ctx):
    return copy.deepcopy(ctx.state)


@command("state.load", group="state", effect="write",
         text={"fr": "Remplacer l'état par un état exporté ; il est vérifié d'abord et refusé avec la liste des erreurs.",
               "nl": "De toestand vervangen door een geëxporteerde toestand; die wordt eerst gecontroleerd en met de lijst van fouten geweigerd.",
               "de": "Den Stand durch einen exportierten Stand ersetzen; er wird zuerst geprüft und mit der Liste der Fehler abgelehnt."},
         args=(Arg("state", "object", {"fr": "État exporté par state.export",
                                       "nl": "Toestand geëxporteerd met state.export",
                                       "de": "Mit state.export exportierter Stand"}),))
def load(ctx, state):
    found = state_mod.problems(state)
    if found:
        # Each fault in the reader's language; the code and the path stay for programs.
        listed = [{"path": f["path"], "problem": f["problem"], "message": messages.state_problem(f, ctx.lang)}
                  for f in found]
        first = f"{listed[0]['path']} : {listed[0]['message']}" if listed[0]["path"] else listed[0]["message"]
        raise EngineError("invalid_state", field="state", count=len(found), first=first, _extra={"problems": listed})
    ctx.engine.replace_state(ctx, copy.deepcopy(state))
    return {"loaded": True, "people": len(state["people"]), "roles": len(state["roles"])}


@command("state.reset", group="state", effect="write",
         text={"fr": "Repartir d'un jeu de données : demo (l'entreprise d'exemple), empty (vide) ou large (grand jeu pour les mesures).",
               "nl": "Opnieuw beginnen met een gegevensset: demo (de voorbeeldonderneming), empty (leeg) of large (grote set voor metingen).",
               "de": "Mit einem Datensatz neu beginnen: demo (das Beispielunternehmen), empty (leer) oder large (großer Datensatz für Messungen)."},
         args=(Arg("dataset", "string", {"fr": "demo, empty ou large",
                                         "nl": "demo, empty of large",
                                         "de": "demo, empty oder large"}, choices=("demo", "empty", "large")),
               Arg("users", "integer", {"fr": "Nombre d'utilisateurs du grand jeu (10000 par défaut)",
                                        "nl": "Aantal gebruikers van de grote set (standaard 10000)",
                                        "de": "Anzahl der Benutzer des großen Datensatzes (standardmäßig 10000)"}, required=False),
               Arg("seed", "integer", {"fr": "Graine du grand jeu",
                                       "nl": "Zaad van de grote set",
                                       "de": "Startwert des großen Datensatzes"}, required=False)))
def reset(ctx, dataset, users=None, seed=None):
    from .. import demo_data

    if users is not None and not 1 <= users <= MAX_USERS:
        raise FieldError("users", "number.range", min=1, max=MAX_USERS)
    new_state = demo_data.dataset(dataset, users=users, seed=seed)
    ctx.engine.replace_state(ctx, new_state)
    return {"dataset": dataset, "people": len(new_state["people"]), "roles": len(new_state["roles"])}


@command("outbox.list", group="state", journaled=False,
         text={"fr": "Les e-mails envoyés par le moteur (boîte d'envoi en mémoire), les plus récents d'abord.",
               "nl": "De e-mails die de motor verstuurde (postvak-uit in het geheugen), de recentste eerst.",
               "de": "Die von der Demo verschickten E-Mails (Postausgang im Speicher), die neuesten zuerst."},
         args=(Arg("to", "string", {"fr": "Seulement les e-mails pour cette adresse",
                                    "nl": "Alleen de e-mails voor dit adres",
                                    "de": "Nur die E-Mails an diese Adresse"}, required=False),))
def outbox(ctx, to=None):
    mails = [m for m in ctx.state["outbox"] if to is None or m["to"].casefold() == to.casefold()]
    return copy.deepcopy(list(reversed(mails)))


@command("journal.list", group="state", journaled=False,
         text={"fr": "Le journal d'audit : qui, sous quel profil, quoi, sur qui, quand ; les plus récentes entrées d'abord.",
               "nl": "Het auditlogboek: wie, met welk profiel, wat, op wie, wanneer; de recentste regels eerst.",
               "de": "Das Prüfprotokoll: wer, unter welchem Profil, was, an wem, wann; die neuesten Einträge zuerst."},
         args=(Arg("limit", "integer", {"fr": "Nombre d'entrées (50 par défaut)",
                                        "nl": "Aantal regels (standaard 50)",
                                        "de": "Anzahl der Einträge (standardmäßig 50)"}, required=False),
               Arg("effect", "string", {"fr": "read ou write", "nl": "read of write", "de": "read oder write"}, required=False, choices=("read", "write"))))
def journal(ctx, limit=None, effect=None):
    entries = [e for e in reversed(ctx.state["journal"]) if effect is None or e["effect"] == effect]
    return copy.deepcopy(entries[: (50 if limit is None else max(limit, 0))])


@command("bce.add_enterprise", group="state", effect="write",
         text={"fr": "Simuler une entreprise inscrite à la BCE mais pas encore enregistrée, avec ses représentants légaux.",
               "nl": "Een onderneming simuleren die in de KBO staat maar nog niet geregistreerd is, met haar wettelijke vertegenwoordigers.",
               "de": "Ein Unternehmen simulieren, das in der ZDU eingetragen, aber noch nicht registriert ist, mit seinen gesetzlichen Vertretern."},
         args=(Arg("number", "string", {"fr": "Numéro d'entreprise",
                                        "nl": "Ondernemingsnummer",
                                        "de": "Unternehmensnummer"}),
               Arg("name", "string", {"fr": "Dénomination", "nl": "Benaming", "de": "Bezeichnung"}),
               Arg("legal_representatives", "object_list", {"fr": "Les représentants légaux (une personne chacun)",
                                                            "nl": "De wettelijke vertegenwoordigers (elk een persoon)",
                                                            "de": "Die gesetzlichen Vertreter (je eine Person)"})))
def add_enterprise(ctx, number, name, legal_representatives):
    from .common import create_role

    number = validators.enterprise_number(number, "number")
    if any(e["number"] == number for e in ctx.state["enterprises"].values()):
        raise EngineError("already_registered", field="number")
    if not name.strip():
        raise FieldError("name", "text.empty")
    items = legal_representatives
    if not items:
        raise EngineError("missing_argument", field="legal_representatives")
    eid = ctx.new_id("enterprises", "enterprise")
    ent = {"id": eid, "number": number, "name": name.strip(), "email": None, "created": None}
    ctx.tx.set(ctx.state["enterprises"], eid, ent)
    reps = []
    for index, spec in enumerate(items):
        person = resolve_person(ctx, spec, f"legal_representatives.{index}", allow_self=False)
        reps.append(create_role(ctx, person, "legal_rep", eid)["id"])
    ctx.note_target(enterprise=eid)
    return {"enterprise": eid, "legal_representatives": reps}


