"""Helpers shared by the command handlers: people from a "person" argument, roles, password
changes, personal-data edits. Every change goes through ctx.tx."""

from __future__ import annotations

from .. import bounds, catalogue, messages, passwords, validators
from ..errors import EngineError, Faults, FieldError
from ..schema import LANGUAGES
from .registry import Arg

PERSON_FIELDS = ("self", "niss", "name", "first_name", "title", "language", "email", "local_email", "username",
                 "password")
PERSON_DOC = {"fr": "Personne : {\"niss\": ...} si elle est connue ; sinon aussi name, first_name, email, et au choix title, language (fr, nl, de, en), local_email, username, password. {\"self\": true} désigne vous-même.",
              "nl": "Persoon: {\"niss\": ...} als die gekend is; anders ook name, first_name, email, en naar keuze title, language (fr, nl, de, en), local_email, username, password. {\"self\": true} duidt uzelf aan.",
              "de": "Person: {\"niss\": ...}, wenn sie bekannt ist; sonst auch name, first_name, email und wahlweise title, language (fr, nl, de, en), local_email, username, password. {\"self\": true} benennt Sie selbst."}


# What a person's own data an edit may change (account.edit, and co_rae/co_gl/user.edit with the role).
PERSON_EDIT_ARGS = (
    Arg("language", "string", {"fr": "Langue (fr, nl, de, en)", "nl": "Taal (fr, nl, de, en)",
                               "de": "Sprache (fr, nl, de, en)"}, required=False),
    Arg("email", "string", {"fr": "Adresse e-mail", "nl": "E-mailadres", "de": "E-Mail-Adresse"}, required=False),
    Arg("local_email", "string", {"fr": "Adresse e-mail locale (vide pour l'effacer)",
                                  "nl": "Lokaal e-mailadres (leeg om te wissen)",
                                  "de": "Lokale E-Mail-Adresse (leer, um sie zu löschen)"}, required=False),
    Arg("title", "string", {"fr": "Titre", "nl": "Titel", "de": "Titel"}, required=False),
)


def find_person_by_niss(state: dict, niss: str) -> dict | None:
    for person in state["people"].values():
        if person["niss"] == niss:
            return person
    return None


def find_person_by_username(state: dict, username: str) -> dict | None:
    key = validators.username_key(username)
    for person in state["people"].values():
        if person["username"] and validators.username_key(person["username"]) == key:
            return person
    return None


def new_username(state: dict, value, field: str) -> str:
    """A username for a new account: valid by the rules and nobody's yet (compared as the rules
    say: case-insensitively). The one check behind every command that gives a username and behind
    engine.validate, so a form's live check already says "taken" beside its other faults."""
    username = validators.username(value, field)
    if find_person_by_username(state, username) is not None:
        raise EngineError("username_taken", field=field)
    return username


def _text(spec: dict, key: str, field: str, required: bool) -> str | None:
    value = spec.get(key)
    if value is None:
        if required:
            raise EngineError("person_data_required", field=f"{field}.{key}")
        return None
    if not isinstance(value, str):
        raise FieldError(f"{field}.{key}", "type.string")
    value = bounds.text(value, f"{field}.{key}").strip()
    if required and not value:
        raise FieldError(f"{field}.{key}", "text.empty")
    return value or None


def language(value, field: str) -> str:
    if value not in LANGUAGES:
        raise FieldError(field, "choice.unknown", choices=messages.language_names())
    return value


def resolve_person(ctx, spec: dict, field: str, allow_self: bool = True) -> dict:
    """The person a "person" argument names: yourself, a known NISS, or a new person created
    from the data given (as the national register would provide it). Every fault of a new
    person's data is reported at once."""
    faults = Faults()
    for key in spec:
        if key not in PERSON_FIELDS:
            faults.add(EngineError("unknown_argument", field=f"{field}.{key}"))
    faults.done()
    if spec.get("self") is True:
        if not allow_self or ctx.person is None:
            raise FieldError(f"{field}.self", "person.self")
        return ctx.person
    if "niss" not in spec:
        raise EngineError("missing_argument", field=f"{field}.niss")
    niss = faults.check(validators.niss, spec["niss"], f"{field}.niss")
    known = find_person_by_niss(ctx.state, niss) if niss else None
    if known is not None:
        return known
    if not any(spec.get(k) is not None for k in PERSON_FIELDS if k not in ("niss", "self")):
        faults.done()  # a NISS alone: its own fault, or nobody has it yet and the form asks for the data next
        raise EngineError("person_data_required", field=f"{field}.name")
    name = faults.check(_text, spec, "name", field, True)
    first_name = faults.check(_text, spec, "first_name", field, True)
    email = faults.check(lambda: validators.email(_text(spec, "email", field, True), f"{field}.email"))
    local_email = faults.check(_text, spec, "local_email", field, False)
    if local_email:
        local_email = faults.check(validators.email, local_email, f"{field}.local_email")
    lang = faults.check(language, spec.get("language", "fr"), f"{field}.language")
    title = faults.check(_text, spec, "title", field, False)
    username = faults.check(_text, spec, "username", field, False)
    if username is not None:
        faults.check(new_username, ctx.state, username, f"{field}.username")
    if spec.get("password") is not None:
        if spec.get("username") is None:
            faults.add(EngineError("missing_argument", field=f"{field}.username"))
        faults.check(lambda: validators.password(bounds.text(spec["password"], f"{field}.password")
                                                 if isinstance(spec["password"], str) else spec["password"],
                                                 f"{field}.password"))
    faults.done()
    password_hash = None
    if spec.get("password") is not None:
        password_hash = passwords.hash_password(spec["password"], passwords.new_salt(ctx.engine.rng))
    pid = ctx.new_id("people", "person")
    person = {"id": pid, "niss": niss, "name": name, "first_name": first_name, "title": title, "language": lang,
              "email": email, "local_email": local_email, "username": username, "password": password_hash,
              "certificate": None, "created": ctx.today, "modified": None}
    ctx.tx.set(ctx.state["people"], pid, person)
    return person


def roles_of(state: dict, person_id: str) -> list[dict]:
    return [r for r in state["roles"].values() if r["person"] == person_id]


def find_role(state: dict, person_id: str, kind: str, enterprise: str, quality: str | None) -> dict | None:
    for r in state["roles"].values():
        if r["person"] == person_id and r["kind"] == kind and r["enterprise"] == enterprise and r["quality"] == quality:
            return r
    return None


def create_role(ctx, person: dict, kind: str, enterprise: str, quality: str | None = None,
                email: str | None = None, applications: dict | None = None) -> dict:
    if find_role(ctx.state, person["id"], kind, enterprise, quality) is not None:
        raise EngineError("already_has_role", field="person")
    rid = ctx.new_id("roles", "role")
    role = {"id": rid, "person": person["id"], "kind": kind, "enterprise": enterprise, "quality": quality,
            "status": "active", "email": email or person["email"], "applications": dict(applications or {}),
            "created": ctx.today, "modified": None}
    ctx.tx.set(ctx.state["roles"], rid, role)
    return role


def delete_role(ctx, role: dict) -> None:
    """Remove a role and everything that pointed at it (technical user, open sessions' profile)."""
    if role["quality"]:
        quality = ctx.state["qualities"][role["quality"]]
        if quality["technical_user"] == role["id"]:
            ctx.tx.set(quality, "technical_user", None)
    for session in ctx.state["sessions"].values():
        if session["profile"] == role["id"]:
            ctx.tx.set(session, "profile", None)
    ctx.tx.delete(ctx.state["roles"], role["id"])


def touch(ctx, record: dict) -> None:
    ctx.tx.set(record, "modified", ctx.today)


def target_role(ctx, role_id: str, kind: str, field: str = "role") -> dict:
    """The role an argument names, of the expected kind, inside the actor's scope."""
    role = ctx.get("roles", role_id, field, "role")
    ctx.authorize(enterprise=role["enterprise"], quality=role["quality"], person=role["person"], role=role["id"])
    if role["kind"] != kind:
        from .. import policy

        raise EngineError("wrong_target", field=field, expected=policy.role_name(kind, ctx.lang),
                          actual=policy.role_name(role["kind"], ctx.lang))
    return role


def set_status(ctx, role: dict, status: str) -> dict:
    if role["status"] == status:
        raise EngineError("already_in_status", field="role")
    ctx.tx.set(role, "status", status)
    touch(ctx, role)
    return {"role": role["id"], "status": status}


def applications(quality: dict, apps: list[str], field: str) -> list[str]:
    allowed = catalogue.quality_type(quality["type"])["applications"]
    for app in apps:
        if app not in allowed:
            raise EngineError("unknown_application", field=field,
                              application={lang: catalogue.application_name(app, lang) for lang in messages.LANGUAGES})
    return list(dict.fromkeys(apps))


def set_password(ctx, person: dict, password: str, field: str = "password") -> None:
    validators.password(password, field)
    if not person["username"]:
        raise EngineError("missing_argument", field="username")
    ctx.tx.set(person, "password", passwords.hash_password(password, passwords.new_salt(ctx.engine.rng)))
    touch(ctx, person)


def edit_person(ctx, person: dict, language_value=None, email=None, local_email=None, title=None) -> None:
    faults = Faults()
    if language_value is not None:
        faults.check(language, language_value, "language")
    if email is not None:
        faults.check(validators.email, email, "email")
    if local_email:
        faults.check(validators.email, local_email, "local_email")
    faults.done()
    changed = False
    if language_value is not None:
        ctx.tx.set(person, "language", language_value)
        changed = True
    if email is not None:
        ctx.tx.set(person, "email", validators.email(email, "email"))
        changed = True
    if local_email is not None:
        ctx.tx.set(person, "local_email", validators.email(local_email, "local_email") if local_email else None)
        changed = True
    if title is not None:
        ctx.tx.set(person, "title", title.strip() or None)
        changed = True
    if changed:
        touch(ctx, person)
