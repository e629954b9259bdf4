"""Every message the engine can say, rendered in every language it speaks (messages.LANGUAGES: a
new language is data), with representative parameters: no leftover {placeholder}, no empty text,
no argument or rule id (snake_case), a different text in each language, and no word that betrays
another language (a French text left in the German table, the seeds' RAE where German says VZU)."""

from __future__ import annotations

import re

import pytest

from egov_roles import catalogue, messages, policy
from egov_roles.commands import COMMANDS
from egov_roles.commands.common import PERSON_FIELDS

from engine_helpers import Client, engine_sources, make_engine, session_for

LANGS = messages.LANGUAGES
SNAKE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")
PLACEHOLDER = re.compile(r"[{}]")
# Words and signs that do not belong in a language's texts: another language's articles, quotes
# and typography, and the other languages' names of the site's terms. A new language adds a line.
FOREIGN = {
    "fr": re.compile(r"\b(het|een|der|die|und|Sie|VTE|INSZ|ENSS|VZU|hoedanigheid|Eigenschaft)\b|„|“"),
    "nl": re.compile(r"«|»|„|\b(le|la|les|une|des|und|Sie|RAE|NISS|ENSS|VZU|qualité|Eigenschaft)\b"),
    "de": re.compile(r"«|»|\s[:;]|\b(RAE|GL|NISS|INSZ|VTE)\b|"
                     r"\b(?i:le|la|les|une|du|het|een|van|qualité|hoedanigheid|gestionnaire|beheerder)\b"),
}

# Representative parameters of each error code, as the commands give them.
ERROR_PARAMS = {
    "malformed_request": {"detail": "JSON: Expecting value"},
    "unknown_command": {"command": "user.fly"},
    "missing_argument": {},
    "wrong_type": {"expected": {lang: messages.type_name("string", lang) for lang in LANGS}},
    "unknown_argument": {},
    "invalid_field": {"reason_text": {lang: messages.reason_text("text.empty", lang, {}, "name") for lang in LANGS}},
    "not_found": {"entity": {lang: messages.entity("role", lang) for lang in LANGS}},
    "wrong_target": {"expected": {lang: policy.role_name("user", lang) for lang in LANGS},
                     "actual": {lang: policy.role_name("co_gl", lang) for lang in LANGS}},
    "identifier_mismatch": {"expected": "0123.456.749"},
    "unknown_application": {"application": {lang: catalogue.application_name("drs", lang) for lang in LANGS}},
    "unknown_declaration": {"declaration": "dmfa"},
    "certificate_expired": {"valid_until": messages.date_words("2023-12-31")},
    "invitation_unusable": {"status": messages.INVITATION_STATUS["expired"]},
    "deactivation_not_possible": {"explanation": {lang: policy.explanation("legal_rep_from_statutes", lang)
                                                  for lang in LANGS}},
    "invalid_state": {"count": 2, "first": "roles.role-1.kind"},
    "internal_error": {"detail": "ValueError: x"},
    "request_too_large": {"max": 16_000_000},
    "request_too_deep": {"max": 32},
    "forbidden": {"explanation": {lang: policy.explanation("co_rae_cannot_manage_co_rae", lang) for lang in LANGS}},
    "out_of_scope": {"explanation": {lang: policy.explanation("outside_enterprise", lang) for lang in LANGS}},
}

REASON_PARAMS = {
    "certificate.pem_other": {"label": "PRIVATE KEY"},
    "certificate.size": {"max": 64},
    "digits.length": {"min": 4, "max": 6},
    "number.minimum": {"min": 1},
    "number.range": {"min": 1, "max": 100},
    "text.too_long": {"max": 100},
    "username.characters": {"characters": "é !"},
    "username.length": {"min": 8, "max": 30},
    "password.characters": {"characters": "é", "specials": ",;:=?./+*$%><&@#({})-_"},
    "password.length": {"min": 10, "max": 15},
    "password.non_letters": {"min": 2},
    "choice.unknown": {"choices": messages.language_names()},
}


def assert_readable(texts: dict[str, str], what: str, translated: bool = True, every_language: bool = True) -> None:
    if every_language:
        assert set(texts) == set(LANGS), f"{what} lacks {set(LANGS) - set(texts)}"
    for lang, text in texts.items():
        assert isinstance(text, str) and text.strip(), f"{what} [{lang}] is empty"
        assert not PLACEHOLDER.search(text.replace("({})", "")), f"{what} [{lang}] keeps a placeholder: {text}"
        assert not SNAKE.search(text), f"{what} [{lang}] shows an id: {text}"
        foreign = FOREIGN[lang].search(text)
        assert not foreign, f"{what} [{lang}] has {foreign.group(0)!r}, which belongs to another language: {text}"
    if translated and len(LANGS) > 1:
        assert len(set(texts.values())) == len(texts), f"{what} is not translated: {texts}"


def test_every_language_has_its_foreign_words_listed():
    assert set(FOREIGN) == set(LANGS) and "de" in LANGS


def test_every_error_code_has_its_parameters_here():
    assert set(ERROR_PARAMS) <= set(messages.ERRORS)


@pytest.mark.parametrize("code", sorted(messages.ERRORS))
def test_every_error_code_reads_in_every_language(code):
    params = ERROR_PARAMS.get(code, {})
    assert_readable({lang: messages.render(code, lang, params, "name") for lang in LANGS}, code)


@pytest.mark.parametrize("reason", sorted(messages.REASONS))
def test_every_field_reason_reads_in_every_language(reason):
    params = REASON_PARAMS.get(reason, {})
    assert_readable({lang: messages.reason_text(reason, lang, params, "first_name") for lang in LANGS}, reason)


@pytest.mark.parametrize("rule", sorted(policy.data()["rules"]))
def test_every_rule_reads_in_every_language(rule):
    texts = {lang: messages.render("forbidden", lang, {"explanation": policy.explanation(rule, lang)}) for lang in LANGS}
    assert_readable(texts, rule)


def _fields() -> list[str]:
    names = {arg.name for cmd in COMMANDS.values() for arg in cmd.args}
    names |= {f"person.{key}" for key in PERSON_FIELDS}
    names |= {f"fields.{spec['id']}" for qtype in catalogue.quality_types().values() for spec in qtype["fields"]}
    return sorted(names)


@pytest.mark.parametrize("field", _fields())
def test_every_field_is_named_by_its_label(field):
    """A missing field is asked for by its label ("Choisissez la procuration du mandataire."),
    never by its argument id nor by the fallback used for an unknown field."""
    texts = {lang: messages.render("missing_argument", lang, {}, field) for lang in LANGS}
    assert_readable(texts, field)
    for lang in LANGS:
        assert messages.FALLBACK_LABEL[lang] not in texts[lang], (field, texts[lang])


@pytest.mark.parametrize("field", ["name", "first_name", "gl", "username", "niss", "procuration"])
def test_german_declines_the_field_it_asks_for(field):
    """A verb asks for its object in the accusative, a sentence opens with its subject."""
    asked = messages.render("missing_argument", "de", {}, field)
    said = messages.reason_text("text.empty", "de", {}, field)
    entry = messages.FIELD_LABELS[field]["de"]
    obj, subj = (entry["object"], entry["subject"]) if isinstance(entry, dict) else (entry, entry)
    assert obj in asked and said.startswith(subj[:1].upper() + subj[1:]), (asked, said)
    assert messages.render("missing_argument", "de", {}, "name") == "Geben Sie den Namen an."
    assert messages.reason_text("text.empty", "de", {}, "name") == "Der Name muss angegeben werden."


def test_dates_are_written_as_each_language_writes_them():
    assert set(messages.DATES) == set(LANGS)
    assert messages.date_words("2026-12-03") == {"fr": "3 décembre 2026", "nl": "3 december 2026",
                                                 "de": "3. Dezember 2026"}
    assert messages.date_words("2099-01-01")["fr"] == "1er janvier 2099"
    assert messages.render("certificate_expired", "de", {"valid_until": messages.date_words("2023-12-31")}) == \
        "Dieses Zertifikat ist nicht mehr gültig (es ist am 31. Dezember 2023 abgelaufen)."


@pytest.mark.parametrize("kind", sorted(messages.MAILS))
def test_every_mail_reads_in_every_language(kind):
    params = {"quality": {lang: catalogue.name("employer_onss", lang) for lang in LANGS}, "manager": "Marie Lambert",
              "enterprise": "Boulangerie Peeters", "code": "DEMO-INVI-TE01", "expires": messages.date_words("2026-12-31"),
              "person": "Willem Mertens", "role": {lang: policy.role_name("co_gl", lang) for lang in LANGS},
              "username": "willemmertens"}
    mail = messages.mail(kind, params)
    for part in ("subject", "body"):
        assert_readable(mail[part], f"{kind} {part}")


def test_every_name_of_the_catalogue_reads_in_every_language():
    data = catalogue.export()
    named = {**{f"identifier {k}": v for k, v in data["identifier_kinds"].items()},
             **{f"application {k}": v for k, v in data["applications"].items()},
             **{f"declaration {k}": v for k, v in data["declarations"].items()},
             **{f"quality {q['id']}": q for q in data["qualities"]},
             **{f"field {f['id']}": f for q in data["qualities"] for f in q["fields"]}}
    for what, entry in named.items():
        # names of products (Belcotax on Web, FTP, Isabel) are the same in every language
        assert_readable({lang: entry[lang] for lang in LANGS}, what, translated=False)
    for q in data["qualities"]:
        assert len({q[lang] for lang in LANGS}) == len(LANGS), q


def test_every_text_of_the_policy_table_reads_in_every_language():
    table = policy.export()
    texts = {**{f"role {k}": v for k, v in table["roles"].items()},
             **{f"actor {k}": v for k, v in table["outside_actors"].items()},
             **{f"scope {k}": v for k, v in table["scopes"].items()},
             **{f"level {k}": v for k, v in table["levels"].items()},
             **{f"reach {k}": v for k, v in table["reach"].items()},
             **{f"action {a['id']}": a for a in table["actions"]}}
    for what, entry in texts.items():
        assert_readable({lang: entry[lang] for lang in LANGS}, what, translated=not what.startswith("role user"))
    for role in table["roles"]:
        assert_readable({lang: policy.role_name(role, lang, short=True) for lang in LANGS}, f"short name of {role}",
                        translated=False)
    for row in table["rows"]:
        assert set(row["explanation"]) == set(LANGS)


def test_the_languages_a_person_may_choose_are_named_in_every_language():
    names = messages.language_names()
    assert_readable(names, "language names")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_described_in_every_language(name):
    """The reference page's texts: a command's description and each argument's meaning. They may
    quote argument values (`method "eid"`), so ids are allowed; another language's words are not."""
    spec = COMMANDS[name].describe()
    for what, texts in [("description", spec["description"]), *((a["name"], a["description"]) for a in spec["args"])]:
        assert set(texts) == set(LANGS) and all(texts[lang].strip() for lang in LANGS), (name, what)
        for lang in LANGS:
            assert not PLACEHOLDER.search(texts[lang].replace('{"', "").replace('}', "")), (name, what, texts[lang])
            foreign = FOREIGN[lang].search(texts[lang])
            assert not foreign, f"{name} {what} [{lang}] has {foreign.group(0)!r}: {texts[lang]}"
        assert texts["de"] != texts["fr"] or texts["fr"] == texts["nl"], (name, what, texts)


def test_the_password_rules_are_worded_in_every_language():
    """The guide's list of rules is written from password_rules.json's texts: each in every
    language, with the same values to fill as the French one and nothing left unfilled."""
    from egov_roles.resources import load_json

    rules = load_json("password_rules")
    texts = {key: entry for key, entry in rules["text"].items() if key != "about"}
    values = {"min": 8, "max": 30, "n": rules["password"]["min_non_letters"], "specials": rules["password"]["specials"]}
    for key, entry in texts.items():
        fields = {lang: set(re.findall(r"{(\w+)}", entry[lang])) for lang in LANGS}
        assert all(fields[lang] == fields["fr"] for lang in LANGS), (key, fields)
        filled = {lang: entry[lang].format(**values).replace(values["specials"], "") for lang in LANGS}
        assert_readable(filled, f"password rule text {key}")


def test_every_family_of_commands_has_a_title_in_every_language():
    from egov_roles.commands.registry import GROUPS

    assert {cmd.group for cmd in COMMANDS.values()} <= set(GROUPS)
    for group, titles in GROUPS.items():
        assert_readable(titles, f"group {group}")


SOURCES = engine_sources()


def test_every_code_the_engine_raises_has_a_message():
    raised = set(re.findall(r'EngineError\(\s*"([a-z_]+)"', SOURCES))
    assert raised and not raised - set(messages.ERRORS)


def test_every_reason_the_engine_gives_has_a_text():
    given = set(re.findall(r'FieldError\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*"([a-z_]+\.[a-z_]+)"', SOURCES))
    given |= set(re.findall(r'NotACertificate\(\s*"([a-z_]+\.[a-z_]+)"', SOURCES))
    given |= {f"{prefix}.{kind}" for prefix in ("niss", "enterprise_number", "onss_number")
              for kind in ("format", "length", "checksum", "component")}
    assert given and not given - set(messages.REASONS)


# --- through the protocol ------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_a_mandatary_without_procuration_asks_for_the_procuration(lang):
    client = Client(make_engine())
    error = client.refused("routing.edit", {"declaration": "drs", "recipient": "mandatary"}, session_for(client, "gl"),
                           lang=lang)
    assert (error["code"], error["field"]) == ("missing_argument", "procuration")
    label = messages.FIELD_LABELS["procuration"][lang]
    assert error["message"] == messages.MISSING["choose"][lang].format(label=label)
    assert_readable({lang: error["message"]}, "procuration", translated=False, every_language=False)


def test_every_fault_of_a_call_comes_back_at_once():
    client = Client(make_engine())
    error = client.refused("co_gl.add", {"person": {"niss": "85073003328", "name": "", "email": "x@", "title": 7,
                                                    "username": "a b", "password": "short"},
                                         "colour": "red"}, session_for(client, "gl"))
    # the argument check reports the unknown argument; the person's faults come once the form is right
    assert [(e["code"], e["field"]) for e in error["errors"]] == [("unknown_argument", "colour")]
    error = client.refused("co_gl.add", {"person": {"niss": "85073003328", "name": "", "email": "x@", "title": 7,
                                                    "username": "a b", "password": "short"}}, session_for(client, "gl"))
    faults = {e["field"]: e["reason"] or e["code"] for e in error["errors"]}
    assert faults == {"person.name": "text.empty", "person.first_name": "person_data_required",
                      "person.email": "email.format", "person.title": "type.string",
                      "person.username": "username.spaces", "person.password": "password.length"}
    assert error["errors"][0] == {k: v for k, v in error.items() if k != "errors"}
    assert all(e["message"] and e["lang"] == "fr" for e in error["errors"])


@pytest.mark.parametrize("lang", LANGS)
def test_an_activation_reports_the_quality_and_the_gl_faults_together(lang):
    client = Client(make_engine())
    error = client.refused("quality.activate", {"type": "mandatary", "email": "x@", "gl": {"niss": "123"}},
                           session_for(client, "rae"), lang=lang)
    assert [(e["field"], e["reason"]) for e in error["errors"]] == [("email", "email.format"), ("gl.niss", "niss.length")]
    assert [e["message"] for e in error["errors"]] == [messages.REASONS["email.format"][lang],
                                                       messages.REASONS["niss.length"][lang]]


def test_arguments_are_checked_all_at_once():
    client = Client(make_engine())
    error = client.refused("routing.edit", {"declaration": 3, "quality": None, "extra": 1}, session_for(client, "gl"),
                           lang="nl")
    assert [(e["code"], e["field"]) for e in error["errors"]] == [
        ("unknown_argument", "extra"), ("wrong_type", "declaration"), ("missing_argument", "recipient")]
    assert error["errors"][1]["message"] == "De aangifte moet van het type tekst zijn."


def test_one_fault_still_comes_as_a_list_of_one():
    client = Client(make_engine())
    error = client.refused("user.block", {"role": "role-nobody"}, session_for(client, "gl"))
    assert len(error["errors"]) == 1 and error["errors"][0]["code"] == error["code"] == "not_found"


@pytest.mark.parametrize("lang", LANGS)
def test_changing_ones_password_to_the_same_is_refused(lang):
    client = Client(make_engine())
    session = session_for(client, "gl")
    before = client.state["people"]["person-marie"]["password"]
    error = client.refused("account.change_password", {"current": "Demo2024.ok", "new": "Demo2024.ok",
                                                       "confirmation": "Demo2024.ok"}, session, lang=lang)
    assert (error["code"], error["field"], error["reason"]) == ("invalid_field", "new", "password.same")
    assert error["message"] == messages.REASONS["password.same"][lang]
    assert client.state["people"]["person-marie"]["password"] == before
