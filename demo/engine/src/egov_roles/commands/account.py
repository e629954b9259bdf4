"""Every account: consult one's own data, change language, e-mails and password, load a
personal certificate."""

from __future__ import annotations

import datetime as _dt

from .. import messages, passwords, validators, views
from ..errors import EngineError, Faults, FieldError
from .common import PERSON_EDIT_ARGS, edit_person, new_username, roles_of, set_password, touch
from .registry import Arg, command


def _own(ctx) -> dict:
    ctx.authorize(person=ctx.person["id"])
    return ctx.person


@command("account.view", action="account.view", group="account",
         text={"fr": "Vos données personnelles (sans le mot de passe), vos rôles et les applications que vous atteignez.",
               "nl": "Uw persoonsgegevens (zonder wachtwoord), uw rollen en de toepassingen die u bereikt.",
               "de": "Ihre persönlichen Daten (ohne Passwort), Ihre Rollen und die Anwendungen, zu denen Sie Zugang haben."})
def view(ctx):
    person = _own(ctx)
    return {"person": views.person(ctx.state, person, ctx.lang),
            "roles": [views.profile(ctx.state, r, ctx.lang) for r in roles_of(ctx.state, person["id"])]}


@command("account.edit", action="account.edit", group="account", effect="write",
         text={"fr": "Modifier votre langue, vos adresses e-mail ou votre titre.",
               "nl": "Uw taal, uw e-mailadressen of uw titel wijzigen.",
               "de": "Ihre Sprache, Ihre E-Mail-Adressen oder Ihren Titel ändern."},
         args=PERSON_EDIT_ARGS)
def edit(ctx, language=None, email=None, local_email=None, title=None):
    person = _own(ctx)
    edit_person(ctx, person, language, email, local_email, title)
    return views.person(ctx.state, person, ctx.lang)


@command("account.change_password", action="account.change_password", group="account", effect="write",
         text={"fr": "Changer votre mot de passe (le mot de passe actuel est demandé s'il y en a un).",
               "nl": "Uw wachtwoord wijzigen (het huidige wachtwoord wordt gevraagd als er een is).",
               "de": "Ihr Passwort ändern (das aktuelle Passwort wird verlangt, wenn es eines gibt)."},
         args=(Arg("new", "string", {"fr": "Nouveau mot de passe", "nl": "Nieuw wachtwoord", "de": "Neues Passwort"}),
               Arg("confirmation", "string", {"fr": "Nouveau mot de passe, une seconde fois",
                                              "nl": "Nieuw wachtwoord, een tweede keer",
                                              "de": "Neues Passwort, ein zweites Mal"}),
               Arg("current", "string", {"fr": "Mot de passe actuel",
                                         "nl": "Huidig wachtwoord",
                                         "de": "Aktuelles Passwort"}, required=False),
               Arg("username", "string", {"fr": "Nom d'utilisateur à créer si le compte n'en a pas",
                                          "nl": "Aan te maken gebruikersnaam als de account er geen heeft",
                                          "de": "Benutzername, der angelegt wird, wenn das Konto noch keinen hat"}, required=False)))
def change_password(ctx, new, confirmation, current=None, username=None):
    person = _own(ctx)
    if person["password"] is not None:
        if current is None:
            raise EngineError("missing_argument", field="current")
        if not passwords.verify(current, person["password"]):
            raise EngineError("wrong_password", field="current")
    faults = Faults()  # every fault at once, in the form's order: the username, then the password
    chosen = None
    if person["username"] is None:
        if username is None:
            faults.add(EngineError("missing_argument", field="username"))
        else:
            chosen = faults.check(new_username, ctx.state, username, "username")
    faults.check(validators.password, new, "new")
    if not faults.about("new") and person["password"] is not None and passwords.verify(new, person["password"]):
        faults.add(FieldError("new", "password.same"))
    if confirmation != new:
        faults.add(EngineError("confirmation_mismatch", field="confirmation"))
    faults.done()
    if chosen is not None:
        ctx.tx.set(person, "username", chosen)
    set_password(ctx, person, new, "new")
    return {"password_changed": True, "username": person["username"]}


def _date(value: str, field: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        raise FieldError(field, "type.date") from None


@command("account.upload_certificate", action="account.upload_certificate", group="account", effect="write",
         text={"fr": "Charger votre certificat personnel : le navigateur lit le fichier et transmet son sujet, son émetteur et ses dates.",
               "nl": "Uw persoonlijk certificaat opladen: de browser leest het bestand en geeft het onderwerp, de uitgever en de geldigheidsdata door.",
               "de": "Ihr persönliches Zertifikat hochladen: Der Browser liest die Datei und übermittelt Inhaber, Aussteller und Gültigkeitsdaten."},
         args=(Arg("subject", "string", {"fr": "Sujet du certificat",
                                         "nl": "Onderwerp van het certificaat",
                                         "de": "Inhaber des Zertifikats"}),
               Arg("valid_from", "string", {"fr": "Début de validité (AAAA-MM-JJ)",
                                            "nl": "Begin van de geldigheid (JJJJ-MM-DD)",
                                            "de": "Beginn der Gültigkeit (JJJJ-MM-TT)"}),
               Arg("valid_until", "string", {"fr": "Fin de validité (AAAA-MM-JJ)",
                                             "nl": "Einde van de geldigheid (JJJJ-MM-DD)",
                                             "de": "Ende der Gültigkeit (JJJJ-MM-TT)"}),
               Arg("issuer", "string", {"fr": "Émetteur", "nl": "Uitgever", "de": "Aussteller"}, required=False),
               Arg("serial", "string", {"fr": "Numéro de série", "nl": "Serienummer", "de": "Seriennummer"}, required=False)))
def upload_certificate(ctx, subject, valid_from, valid_until, issuer=None, serial=None):
    person = _own(ctx)
    if not subject.strip():
        raise FieldError("subject", "text.empty")
    start, end = _date(valid_from, "valid_from"), _date(valid_until, "valid_until")
    if end <= start:
        raise EngineError("certificate_dates", field="valid_until")
    if end < ctx.today_date:
        raise EngineError("certificate_expired", field="valid_until", valid_until=messages.date_words(end.isoformat()))
    certificate = {"subject": subject.strip(), "issuer": issuer, "serial": serial, "valid_from": start.isoformat(),
                   "valid_until": end.isoformat(), "loaded": ctx.today}
    ctx.tx.set(person, "certificate", certificate)
    touch(ctx, person)
    return dict(certificate)
