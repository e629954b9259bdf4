"""Property-based stateful tests: random command sequences sent by random actors (every demo
profile, people without a profile, nobody) must never break the invariants:

- the state always passes `state.problems` (exactly one RAE per registered enterprise, one GL per
  quality, valid identifiers, ...);
- a refused command leaves the state exactly unchanged;
- an accepted journaled command appends exactly one journal entry, naming the command and the
  actor; an accepted command that is not journaled changes nothing;
- an accepted command changes nothing outside the scope the policy gave the actor's profile;
- no password given to the engine ever appears in clear in the state.

The default profile runs a few dozen sequences; `make test-slow` runs the `slow` test with the
"thorough" profile (10,000 sequences).
"""

from __future__ import annotations

import copy
import datetime
import json
import random

import pytest
from hypothesis import event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from egov_roles import Engine, catalogue, policy, runtime
from egov_roles import state as state_mod
from egov_roles.commands import COMMANDS
from egov_roles.demo_data import DEMO_PASSWORD, demo
from egov_roles.identifiers_gen import enterprise_number, niss, onss_number

EXCLUDED = {"state.reset"}  # swaps the dataset: covered by test_state, and the large one is slow
COMMAND_NAMES = sorted(set(COMMANDS) - EXCLUDED)
DEMO_STATE = demo()
DEMO_TEXT = json.dumps(DEMO_STATE)
FRESH_NISS = [niss(datetime.date(1960, 1, 1) + datetime.timedelta(days=37 * i), 100 + 2 * i, bis=(i % 5 == 0))
              for i in range(40)]
ENTERPRISES = [enterprise_number(f"0{n:07d}") for n in (4567891, 5678912, 6789123, 7891234)]
ONSS = [onss_number(f"{n:07d}") for n in (3141592, 2718281)]
APPS = sorted(catalogue.applications())


def texts():
    return st.text(alphabet="abcdeé XYZ-'", min_size=0, max_size=12)


class EngineMachine(RuleBasedStateMachine):
    runs = {"sequences": 0, "commands": 0, "accepted": 0}  # counted across all sequences of a run

    @initialize()
    def start(self):
        EngineMachine.runs["sequences"] += 1
        self.engine = Engine(json.loads(DEMO_TEXT), clock=runtime.SteppingClock(), ids=runtime.SequentialIds(),
                             rng=random.Random(11))
        self.secrets = {DEMO_PASSWORD}
        self.sessions: list[str] = []
        for role in DEMO_STATE["roles"].values():
            if role["status"] != "active":
                continue
            person = DEMO_STATE["people"][role["person"]]
            response = self.engine.execute("session.login", {"method": "eid", "niss": person["niss"], "profile": role["id"]})
            assert response["ok"], response
            self.sessions.append(response["data"]["session"])
        response = self.engine.execute("session.login", {"method": "eid", "niss": FRESH_NISS[0], "name": "Sans",
                                                         "first_name": "Profil"})
        self.sessions.append(response["data"]["session"])
        self.counter = 0

    # -- argument strategies drawn from the current state ------------------------------------------------
    def _secret(self, data, valid_only=False) -> str:
        self.counter += 1
        good = f"Pw{self.counter:04d}Sec.x"
        choice = good if valid_only else data.draw(st.sampled_from([good, f"pw{self.counter} bad", "Pw!!!!!!!!12", "short"]))
        if len(choice) >= 10:
            self.secrets.add(choice)
        return choice

    def _person_spec(self, data) -> dict:
        state = self.engine.state
        known = [p["niss"] for p in state["people"].values()]
        kind = data.draw(st.sampled_from(["self", "known", "new", "new", "bad"]))
        if kind == "self":
            return {"self": True}
        if kind == "known":
            return {"niss": data.draw(st.sampled_from(known))}
        if kind == "bad":
            return data.draw(st.sampled_from([{"niss": "12345678901"}, {"niss": FRESH_NISS[1]},
                                              {"niss": FRESH_NISS[2], "name": "A", "first_name": "B", "email": "nope"}]))
        spec = {"niss": data.draw(st.sampled_from(FRESH_NISS)), "name": "Nom", "first_name": "Prénom",
                "email": data.draw(st.sampled_from(["new@example.be", "other@example.be"])),
                "language": data.draw(st.sampled_from(["fr", "nl", "de", "en"]))}
        if data.draw(st.booleans()):
            self.counter += 1
            spec["username"] = f"newuser{self.counter:04d}"
            if data.draw(st.booleans()):
                spec["password"] = self._secret(data)
        return spec

    def _value(self, data, arg):
        state = self.engine.state
        name, kind = arg.name, arg.type
        if arg.choices:
            return data.draw(st.sampled_from(list(arg.choices) + ["bogus"]))
        roles = sorted(state["roles"]) + ["role-nope"]
        profile = self.profile
        near = [r["id"] for r in state["roles"].values()
                if profile and r["enterprise"] == profile["enterprise"] and (profile["quality"] is None or r["quality"] == profile["quality"])]
        if name in ("role", "profile"):
            return data.draw(st.sampled_from(near if near and data.draw(st.booleans()) else roles))
        if name == "roles":
            return data.draw(st.lists(st.sampled_from(roles), min_size=0, max_size=3))
        if name == "quality":
            mine = [q for q in state["qualities"] if profile and state["qualities"][q]["enterprise"] == profile["enterprise"]]
            return data.draw(st.sampled_from(mine if mine and data.draw(st.booleans()) else
                                             sorted(state["qualities"]) + ["quality-nope"]))
        if name == "enterprise":
            return data.draw(st.sampled_from(sorted(state["enterprises"])))
        if name == "invitation":
            return data.draw(st.sampled_from(sorted(state["invitations"]) + ["invitation-nope"]))
        if name == "code":
            codes = [i["code"] for i in state["invitations"].values()] + ["NOPE-NOPE-NOPE"]
            return data.draw(st.sampled_from(codes))
        if name in ("person", "gl", "rae"):
            return self._person_spec(data)
        if name == "legal_representatives":
            return [self._person_spec(data) for _ in range(data.draw(st.integers(0, 2)))]
        if name in ("applications", "grant", "withdraw"):
            return data.draw(st.lists(st.sampled_from(APPS), max_size=3))
        if name in ("email", "local_email", "to"):
            return data.draw(st.sampled_from(["someone@example.be", "x@y.be", "", "broken@", "marie.lambert@demo-sa.be"]))
        if name in ("password", "new", "current", "confirmation"):
            if name in ("current", "password") and data.draw(st.booleans()):
                return DEMO_PASSWORD
            return self._secret(data)
        if name == "username":
            return data.draw(st.sampled_from(["juliensimons", "marielambert", "fresh0name", "bad name", "x"]))
        if name == "niss":
            return data.draw(st.sampled_from(FRESH_NISS[:5] + [p["niss"] for p in state["people"].values()][:8]
                                             + ["85073003329"]))
        if name == "number":
            return data.draw(st.sampled_from(ENTERPRISES + ["1234567894", "0000000000"]))
        if name == "type":
            return data.draw(st.sampled_from(sorted(catalogue.quality_types()) + ["spaceship"]))
        if name == "identifier":
            return data.draw(st.sampled_from(ONSS + ENTERPRISES[:1] + ["1234567894", FRESH_NISS[3], "1122334-56"]))
        if name == "fields":
            return data.draw(st.sampled_from([{}, {"approval_number": "123"}, {"inami_number": "12345678"},
                                              {"bankrupt_enterprise_number": ENTERPRISES[1], "judgment_date": "2024-01-02"},
                                              {"approval_number": "12"}, {"colour": "red"}]))
        if name == "declaration":
            return data.draw(st.sampled_from(["drs", "dmfa"]))
        if name == "procuration":
            return data.draw(st.sampled_from(["procuration-1", "procuration-9"]))
        if name == "channel":
            return data.draw(st.sampled_from(["ebox", "channel-1", "channel-2", "channel-9"]))
        if name in ("valid_from", "valid_until"):
            return data.draw(st.sampled_from(["2020-01-01", "2024-03-01", "2030-12-31", "not a date"]))
        if name == "state":
            return copy.deepcopy(state) if data.draw(st.booleans()) else {"schema": "egov-roles/state", "version": 2}
        if name == "value":
            return data.draw(st.sampled_from(["85073003328", "0566988259", "112233461", "a@b.be", "juliensimons", "Demo2024.ok", "x"]))
        if kind == "integer":
            return data.draw(st.integers(-2, 30))
        if kind == "boolean":
            return data.draw(st.booleans())
        if kind == "string":
            return data.draw(texts())
        if kind == "string_list":
            return data.draw(st.lists(texts(), max_size=2))
        if kind == "object":
            return {}
        return []

    def _args(self, data, cmd) -> dict:
        args = {}
        enterprise_level = self.profile is not None and self.profile["quality"] is None
        for arg in cmd.args:
            likely = arg.name == "quality" and enterprise_level  # RAEs name the quality they act in
            if arg.required or data.draw(st.integers(0, 9)) < (8 if likely else 5):
                args[arg.name] = self._value(data, arg)
        return args

    # -- the one rule: a random actor sends a random command ---------------------------------------------
    @rule(data=st.data())
    def send(self, data):
        state = self.engine.state
        token = data.draw(st.sampled_from(self.sessions + [None]))
        session = state["sessions"].get(token) if token else None
        profile = state["roles"].get(session["profile"]) if session and session["profile"] else None
        self.profile = profile
        # Mostly commands the actor's role may run (so that sequences change the state), sometimes any.
        kind = profile["kind"] if profile else "person"
        allowed = [c for c in COMMAND_NAMES if COMMANDS[c].action and policy.decide(kind, COMMANDS[c].action).allowed]
        pool = allowed if allowed and data.draw(st.integers(0, 9)) < 7 else COMMAND_NAMES
        name = data.draw(st.sampled_from(pool))
        cmd = COMMANDS[name]
        args = self._args(data, cmd)
        lang = data.draw(st.sampled_from(["fr", "nl"]))
        before_text = json.dumps(state)  # the JSON text is both the snapshot and the equality test

        response = self.engine.execute(name, args, token, lang)
        after = self.engine.state
        EngineMachine.runs["commands"] += 1
        EngineMachine.runs["accepted"] += response["ok"] is True

        assert isinstance(response, dict) and isinstance(response["ok"], bool)
        event("accepted write" if response["ok"] and cmd.effect == "write" else
              "accepted read" if response["ok"] else f"refused: {response['error']['code']}")
        if not response["ok"]:
            assert response["error"]["code"] != "internal_error", response
            assert response["error"]["message"]
            assert json.dumps(after) == before_text, f"refused {name} changed the state"
            return
        if name == "session.login":
            self.sessions.append(response["data"]["session"])
        if not cmd.journaled:
            assert json.dumps(after) == before_text, f"{name} is not journaled but changed the state"
            return
        before = json.loads(before_text)
        assert len(after["journal"]) == len(before["journal"]) + 1
        entry = after["journal"][-1]
        assert entry["command"] == name
        if session is not None and cmd.session != "none":
            assert entry["actor"]["person"] == session["person"]
        if cmd.action and session is not None:
            self._check_scope(name, cmd, before, after, session, profile)

    # -- scope ---------------------------------------------------------------------------------------------------
    def _check_scope(self, name, cmd, before, after, session, profile):
        role_kind = profile["kind"] if profile else "person"
        scope = policy.decide(role_kind, cmd.action).scope
        actor = session["person"]

        def changed(collection):
            keys = set(before[collection]) | set(after[collection])
            return [k for k in keys if before[collection].get(k) != after[collection].get(k)]

        def roles_of(person, where):
            return [r for st_ in (before, after) for r in st_["roles"].values() if r["person"] == person and where(r)]

        if scope == "enterprise":
            ent = profile["enterprise"]
            inside_role = lambda r: r["enterprise"] == ent  # noqa: E731
            inside_quality = lambda q: q["enterprise"] == ent  # noqa: E731
        elif scope == "quality":
            qid = profile["quality"]
            inside_role = lambda r: r["quality"] == qid  # noqa: E731
            inside_quality = lambda q: q["id"] == qid  # noqa: E731
        else:  # own, invitation: only the actor's own records
            inside_role = lambda r: r["person"] == actor  # noqa: E731
            inside_quality = None

        for rid in changed("roles"):
            role = after["roles"].get(rid) or before["roles"][rid]
            assert inside_role(role), f"{name}: role {rid} outside the {scope} scope"
        for pid in changed("people"):
            assert pid == actor or roles_of(pid, inside_role), f"{name}: person {pid} outside the {scope} scope"
        for qid_ in changed("qualities"):
            quality = after["qualities"][qid_]
            if inside_quality is not None and inside_quality(quality):
                continue
            # outside its scope a command may only drop a technical user whose role it removed
            old = before["qualities"][qid_]
            assert {k for k in quality if quality[k] != old[k]} == {"technical_user"}, f"{name}: quality {qid_}"
            assert old["technical_user"] in changed("roles")
        for iid in changed("invitations"):
            inv = after["invitations"][iid]
            assert scope == "invitation" or inside_quality(after["qualities"][inv["quality"]]), f"{name}: invitation {iid}"
        for eid in changed("enterprises"):
            assert scope == "enterprise" and eid == profile["enterprise"], f"{name}: enterprise {eid}"
        for token in changed("sessions"):
            sess = after["sessions"].get(token) or before["sessions"][token]
            assert sess["person"] == actor or roles_of(sess["person"], inside_role), f"{name}: session {token}"

    # -- invariants after every step --------------------------------------------------------------------------
    @invariant()
    def state_is_valid_and_has_no_clear_password(self):
        if not hasattr(self, "engine"):
            return
        assert state_mod.problems(self.engine.state) == []
        text = json.dumps(self.engine.state)
        for secret in self.secrets:
            assert secret not in text, secret


TestEngineMachine = EngineMachine.TestCase


@pytest.mark.slow
def test_thorough_random_sequences():
    """At least 10,000 random command sequences (the "thorough" profile)."""
    profile = settings.get_profile("thorough")
    assert profile.max_examples >= 10_000
    EngineMachine.runs.update(sequences=0, commands=0, accepted=0)
    run_state_machine_as_test(EngineMachine, settings=profile)
    runs = EngineMachine.runs
    print(f"\nstateful run: {runs['sequences']} sequences, {runs['commands']} random commands, "
          f"{runs['accepted']} accepted")
    assert runs["sequences"] >= 10_000
