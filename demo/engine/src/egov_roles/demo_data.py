"""Datasets: the deterministic demo dataset (an example enterprise in the spirit of the seeds)
and a generator of large datasets for benchmarks.

Demo dataset (all names invented; every identifier passes its check):
- S.A. Demo N.V. (1234.567.894, the seeds' example number), registered, qualities
  Employeur ONSS and Prestataire de services (personne morale);
- Bakkerij Peeters BV (0566.988.259), registered, quality Employeur ONSS;
- Atelier Claes SRL, known to the BCE but not registered yet (its legal representative can do it).
Every account with a username uses the password DEMO_PASSWORD.
"""

from __future__ import annotations

import datetime as _dt
import random

from . import passwords
from . import state as state_mod
from .identifiers_gen import enterprise_number, niss, onss_number

DEMO_PASSWORD = "Demo2024.ok"
SALT_SEED = 2024

# (key, name, first name, title, language, birth date, sequence, bis?, username or None)
PEOPLE = [
    ("julien", "Simons", "Julien", "M.", "fr", "1970-05-12", 21, False, "juliensimons"),
    ("anne", "Dubois", "Anne", "Mme", "fr", "1965-11-23", 42, False, None),
    ("oscar", "Smith", "Oscar", "M.", "en", "1978-02-14", 17, False, "coraeoscar"),
    ("jules", "Mistral", "Jules", "M.", "fr", "1981-09-03", 33, False, "coraejules"),
    ("marie", "Lambert", "Marie", "Mme", "fr", "1976-04-24", 46, False, "marielambert"),
    ("willem", "Mertens", "Willem", "Dhr.", "nl", "1980-01-01", 35, False, "willemmertens"),
    ("nadia", "Benali", "Nadia", "Mme", "fr", "1988-07-19", 64, False, "nadiabenali"),
    ("caterina", "Martini", "Caterina", "Mme", "fr", "1990-03-08", 12, False, "caterinamartini"),
    ("thomas", "Laudot", "Thomas", "M.", "fr", "1985-12-30", 81, False, "thomaslaudot"),
    ("john", "Smith", "John", "Mr", "en", "1975-06-15", 9, True, "johnsmith75"),
    ("emma", "Wouters", "Emma", "Mevr.", "nl", "2003-08-21", 88, False, None),
    ("kevin", "Dumont", "Kevin", "M.", "fr", "1992-10-10", 101, False, "kevindumont"),
    ("lotte", "Peeters", "Lotte", "Mevr.", "nl", "1995-05-05", 20, False, "lottepeeters"),
    ("pieter", "Janssens", "Pieter", "Dhr.", "nl", "1968-02-29", 57, False, "pieterjanssens"),
    ("sofie", "Claes", "Sofie", "Mevr.", "nl", "1983-10-02", 74, False, None),
    ("helene", "Leroy", "Hélène", "Mme", "fr", "1972-07-07", 30, False, "heleneleroy"),
]

# (role id, person key, kind, enterprise, quality, status, applications)
ROLES = [
    ("role-julien-lr", "julien", "legal_rep", "ent-demo", None, "active", []),
    ("role-anne-lr", "anne", "legal_rep", "ent-demo", None, "active", []),
    ("role-julien-rae", "julien", "rae", "ent-demo", None, "active", []),
    ("role-oscar-corae", "oscar", "co_rae", "ent-demo", None, "active", []),
    ("role-jules-corae", "jules", "co_rae", "ent-demo", None, "blocked", []),
    ("role-marie-gl", "marie", "gl", "ent-demo", "q-demo-employer", "active", []),
    ("role-willem-cogl", "willem", "co_gl", "ent-demo", "q-demo-employer", "active", []),
    ("role-nadia-cogl", "nadia", "co_gl", "ent-demo", "q-demo-employer", "blocked", []),
    ("role-caterina-user", "caterina", "user", "ent-demo", "q-demo-employer", "active", ["drs", "dmfa_modification"]),
    ("role-thomas-user", "thomas", "user", "ent-demo", "q-demo-employer", "blocked", ["temporary_unemployment"]),
    ("role-john-user", "john", "user", "ent-demo", "q-demo-employer", "active", ["belcotax"]),
    ("role-emma-user", "emma", "user", "ent-demo", "q-demo-employer", "active", ["temporary_unemployment"]),
    ("role-kevin-user", "kevin", "user", "ent-demo", "q-demo-employer", "active", ["drs", "privileged_user"]),
    ("role-julien-gl", "julien", "gl", "ent-demo", "q-demo-provider", "active", []),
    ("role-caterina-cogl", "caterina", "co_gl", "ent-demo", "q-demo-provider", "active", []),
    ("role-lotte-user", "lotte", "user", "ent-demo", "q-demo-provider", "active", ["personnel_file"]),
    ("role-helene-user2", "helene", "user", "ent-demo", "q-demo-provider", "active", ["mandatory_declaration"]),
    ("role-pieter-lr", "pieter", "legal_rep", "ent-bakery", None, "active", []),
    ("role-pieter-rae", "pieter", "rae", "ent-bakery", None, "active", []),
    ("role-pieter-gl", "pieter", "gl", "ent-bakery", "q-bakery-employer", "active", []),
    ("role-caterina-user2", "caterina", "user", "ent-bakery", "q-bakery-employer", "active", ["belcotax"]),
    ("role-helene-user", "helene", "user", "ent-bakery", "q-bakery-employer", "blocked", ["drs"]),
    ("role-sofie-lr", "sofie", "legal_rep", "ent-atelier", None, "active", []),
]


def _email(first: str, last: str, domain: str) -> str:
    plain = first.lower().replace("é", "e").replace("è", "e")
    return f"{plain}.{last.lower()}@{domain}"


def demo() -> dict:
    """The demo dataset; the same every time (salts come from a fixed seed)."""
    rng = random.Random(SALT_SEED)
    state = state_mod.empty()
    created = "2007-11-09"
    state["enterprises"] = {
        "ent-demo": {"id": "ent-demo", "number": enterprise_number("12345678"), "name": "S.A. Demo N.V.",
                     "email": "info@demo-sa.be", "created": created},
        "ent-bakery": {"id": "ent-bakery", "number": "0566988259", "name": "Bakkerij Peeters BV",
                       "email": "info@bakkerij-peeters.be", "created": "2015-03-02"},
        "ent-atelier": {"id": "ent-atelier", "number": enterprise_number("07890123"), "name": "Atelier Claes SRL",
                        "email": None, "created": None},
    }
    domains = {"ent-demo": "demo-sa.be", "ent-bakery": "bakkerij-peeters.be", "ent-atelier": "atelier-claes.be"}
    home = {}
    for _, key, _, ent, _, _, _ in ROLES:
        home.setdefault(key, ent)
    for key, name, first, title, lang, birth, seq, bis, username in PEOPLE:
        pid = f"person-{key}"
        state["people"][pid] = {
            "id": pid, "niss": niss(_dt.date.fromisoformat(birth), seq, bis), "name": name, "first_name": first,
            "title": title, "language": lang, "email": _email(first, name, domains[home[key]]),
            "local_email": None, "username": username,
            "password": passwords.hash_password(DEMO_PASSWORD, passwords.new_salt(rng)) if username else None,
            "certificate": None, "created": created, "modified": None,
        }
    state["people"]["person-marie"]["local_email"] = "m.lambert@demo-sa.be"
    state["people"]["person-marie"]["certificate"] = {
        "subject": "CN=Marie Lambert, SERIALNUMBER=" + state["people"]["person-marie"]["niss"] + ", C=BE",
        "issuer": "CN=Example Citizen CA, C=BE", "serial": "10:4f:a2:9c", "valid_from": "2023-06-01",
        "valid_until": "2033-05-31", "loaded": "2023-06-12"}
    drs = {"recipient": {"kind": "enterprise"}, "channel": "channel-1", "modified": "2019-01-15"}
    state["qualities"] = {
        "q-demo-employer": {
            "id": "q-demo-employer", "enterprise": "ent-demo", "type": "employer_onss", "identifier": onss_number("1122334"),
            "fields": {}, "email": "personnel@demo-sa.be", "created": created, "technical_user": "role-kevin-user",
            "routing": {"drs": drs},
            "channels": {"channel-1": {"id": "channel-1", "kind": "ftp", "address": "ftp.demo-sa.be",
                                       "registered": "2019-01-10"}},
            "procurations": {"procuration-1": {"id": "procuration-1", "mandatary_number": enterprise_number("04567890"),
                                               "mandatary_name": "Secrétariat social Exemple ASBL",
                                               "declarations": ["drs"]}},
        },
        "q-demo-provider": {
            "id": "q-demo-provider", "enterprise": "ent-demo", "type": "service_provider_legal",
            "identifier": state["enterprises"]["ent-demo"]["number"], "fields": {}, "email": None,
            "created": "2008-02-06", "technical_user": None, "routing": {}, "channels": {}, "procurations": {},
        },
        "q-bakery-employer": {
            "id": "q-bakery-employer", "enterprise": "ent-bakery", "type": "employer_onss",
            "identifier": onss_number("1190025"), "fields": {}, "email": "loon@bakkerij-peeters.be",
            "created": "2015-03-02", "technical_user": None,
            "routing": {"drs": {"recipient": {"kind": "enterprise"}, "channel": "ebox", "modified": "2015-03-02"}},
            "channels": {}, "procurations": {},
        },
    }
    for rid, key, kind, ent, quality, status, apps in ROLES:
        person = state["people"][f"person-{key}"]
        state["roles"][rid] = {"id": rid, "person": person["id"], "kind": kind, "enterprise": ent, "quality": quality,
                               "status": status, "email": person["email"],
                               "applications": {a: "2019-01-15" for a in apps},
                               "created": created if ent == "ent-demo" else "2015-03-02", "modified": None}
    state["invitations"] = {
        "invitation-demo-1": {"id": "invitation-demo-1", "kind": "email", "quality": "q-demo-employer",
                              "email": "nouveau.collegue@demo-sa.be", "niss": None, "applications": ["drs"],
                              "code": "DEMO-INVI-TE01", "created": "2024-03-01", "expires": "2099-12-31",
                              "status": "pending", "created_by": "role-marie-gl", "uses": 0},
        "invitation-demo-2": {"id": "invitation-demo-2", "kind": "link", "quality": "q-demo-employer",
                              "email": None, "niss": None, "applications": ["temporary_unemployment"],
                              "code": "DEMO-LINK-0001", "created": "2024-03-01", "expires": "2099-12-31",
                              "status": "published", "created_by": "role-marie-gl", "uses": 0},
    }
    return state


FIRST = ["Lucas", "Emma", "Noah", "Louise", "Arthur", "Olivia", "Jules", "Lina", "Adam", "Mila", "Louis", "Elena",
         "Liam", "Nora", "Victor", "Alice", "Finn", "Julie", "Mohamed", "Sara", "Daan", "Fien", "Wout", "Lotte"]
LAST = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet",
        "Dubois", "Lambert", "Dupont", "Martin", "Simon", "Laurent", "Leroy", "Renard", "Lejeune", "Hermans"]
LARGE_TYPES = ["employer_onss", "service_provider_legal", "mandatary", "full_service_secretariat", "telephone_operator"]


def large(users: int = 10_000, seed: int = 1) -> dict:
    """One enterprise with five qualities and `users` user roles (one person each), for
    benchmarks. Only the managers get a password: hashing 10,000 passwords would take longer
    than the benchmark itself, and eID-only accounts are realistic."""
    from . import catalogue

    rng = random.Random(seed)
    state = state_mod.empty()
    number = enterprise_number("08765432")
    state["enterprises"]["ent-large"] = {"id": "ent-large", "number": number, "name": "Grande Entreprise SA",
                                         "email": "acces@grande-entreprise.be", "created": "2010-01-04"}
    start = _dt.date(1950, 1, 1)
    counter = 0

    def person(first: str, last: str, with_password: bool) -> dict:
        nonlocal counter
        counter += 1
        birth = start + _dt.timedelta(days=counter % 18_000)
        sequence = 2 * (counter // 18_000) + 1 + rng.randrange(2) * 0
        pid = f"person-{counter}"
        username = "".join(c for c in f"{first}{last}".lower() if c.isalnum())[:20] + f"{counter:06d}"
        record = {"id": pid, "niss": niss(birth, sequence % 1000), "name": last, "first_name": first,
                  "title": None, "language": rng.choice(["fr", "nl", "fr", "nl", "de", "en"]),
                  "email": f"{username}@grande-entreprise.be", "local_email": None, "username": username,
                  "password": passwords.hash_password(DEMO_PASSWORD, passwords.new_salt(rng)) if with_password else None,
                  "certificate": None, "created": "2010-01-04", "modified": None}
        state["people"][pid] = record
        return record

    def role(p: dict, kind: str, quality: str | None, status: str = "active", apps=None) -> None:
        rid = f"role-{len(state['roles']) + 1}"
        state["roles"][rid] = {"id": rid, "person": p["id"], "kind": kind, "enterprise": "ent-large", "quality": quality,
                               "status": status, "email": p["email"], "applications": {a: "2020-01-06" for a in apps or []},
                               "created": "2010-01-04", "modified": None}

    role(person("Claire", "Dumont", True), "legal_rep", None)
    rae = person("Marc", "Dumont", True)
    role(rae, "rae", None)
    for _ in range(2):
        role(person(rng.choice(FIRST), rng.choice(LAST), True), "co_rae", None)
    qualities = []
    for index, qtype in enumerate(LARGE_TYPES):
        qid = f"quality-{index + 1}"
        ident = onss_number("2010203") if qtype == "employer_onss" else number
        routing = {d: {"recipient": {"kind": "enterprise"}, "channel": "ebox", "modified": "2010-01-04"}
                   for d in catalogue.quality_type(qtype)["routing"]}
        state["qualities"][qid] = {"id": qid, "enterprise": "ent-large", "type": qtype, "identifier": ident,
                                   "fields": {}, "email": None, "created": "2010-01-04", "technical_user": None,
                                   "routing": routing, "channels": {}, "procurations": {}}
        role(person(rng.choice(FIRST), rng.choice(LAST), True), "gl", qid)
        for _ in range(3):
            role(person(rng.choice(FIRST), rng.choice(LAST), False), "co_gl", qid)
        qualities.append((qid, catalogue.quality_type(qtype)["applications"]))
    for i in range(users):
        qid, apps = qualities[i % len(qualities)]
        granted = [a for a in apps if rng.random() < 0.4]
        status = "blocked" if rng.random() < 0.1 else "active"
        role(person(rng.choice(FIRST), rng.choice(LAST), False), "user", qid, status, granted)
    return state


def dataset(name: str, users: int | None = None, seed: int | None = None) -> dict:
    if name == "demo":
        return demo()
    if name == "empty":
        return state_mod.empty()
    if name == "large":
        return large(10_000 if users is None else users, 1 if seed is None else seed)
    raise ValueError(f"unknown dataset {name!r}")
