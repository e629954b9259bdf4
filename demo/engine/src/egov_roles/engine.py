"""The Engine: holds the state, runs one command per request, atomically.

Flow of `handle(request)`:
 1. parse the request (protocol.py) and find the command in the catalogue;
 2. resolve the session, the person and the chosen profile (a blocked profile cannot act);
 3. ask the policy table whether the profile's role may do the command's action at all;
 4. check the arguments against the catalogue (missing, unknown, wrong type);
 5. run the handler inside a Transaction; the handler checks its target against the scope
    the policy gave (ctx.authorize) before touching anything;
 6. on success append one journal entry (for journaled commands); on any refusal or error
    roll everything back, so the state is exactly as before.
No exception escapes `handle`.
"""

from __future__ import annotations

from . import bounds, messages, policy, protocol, runtime
from . import state as state_mod
from .commands import COMMANDS
from .errors import EngineError, Faults, FieldError
from .transaction import Transaction


class Context:
    """What a command handler sees: the state, the transaction, the actor and the clock."""

    def __init__(self, engine: "Engine", command, lang: str, token: str | None):
        self.engine = engine
        self.state = engine.state
        self.command = command
        self.lang = lang
        self.tx = Transaction()
        moment = engine.clock()
        self.now = moment.isoformat()
        self.today = moment.date().isoformat()
        self.today_date = moment.date()
        self.token = token
        self.session: dict | None = None
        self.person: dict | None = None
        self.profile: dict | None = None
        self.role = None
        self.decision: policy.Decision | None = None
        self.target: dict = {}

    # -- ids and lookups ---------------------------------------------------------------------
    def new_id(self, collection: str, kind: str) -> str:
        existing = self.state[collection]
        while True:
            candidate = self.engine.ids(kind)
            if candidate not in existing:
                return candidate

    def get(self, collection: str, key, field: str, entity: str) -> dict:
        record = self.state[collection].get(key) if isinstance(key, str) else None
        if record is None:
            raise EngineError("not_found", field=field, entity=messages.entity(entity, self.lang), id=str(key))
        return record

    # -- policy ------------------------------------------------------------------------------
    def authorize(self, **target) -> None:
        """Refuse a target outside the scope the policy gave this profile for this action."""
        rule = policy.scope_refusal(self.decision.scope, self.profile, self.person["id"], target)
        if rule is not None:
            raise EngineError("out_of_scope", rule=rule)
        self.target.update({k: v for k, v in target.items() if v is not None})

    def note_target(self, **target) -> None:
        self.target.update({k: v for k, v in target.items() if v is not None})

    def quality_arg(self, quality_id: str | None, field: str = "quality") -> dict:
        """The quality named by the argument, or the profile's own quality when omitted."""
        if quality_id is None:
            if self.profile is not None and self.profile.get("quality"):
                quality_id = self.profile["quality"]
            else:
                raise EngineError("missing_argument", field=field)
        return self.get("qualities", quality_id, field, "quality")

    def enterprise_arg(self, enterprise_id: str | None, field: str = "enterprise") -> dict:
        if enterprise_id is None:
            if self.profile is None:
                raise EngineError("missing_argument", field=field)
            enterprise_id = self.profile["enterprise"]
        return self.get("enterprises", enterprise_id, field, "enterprise")

    # -- outbox ------------------------------------------------------------------------------
    def send_mail(self, to: str | None, kind: str, params: dict, data: dict | None = None) -> None:
        """`data`: what the mail's reader acts on (an invitation's code), kept beside its text."""
        if not to:
            return
        mail = messages.mail(kind, params)
        entry = {"id": f"mail-{len(self.state['outbox']) + 1}", "to": to, "kind": kind, "sent": self.now, **mail}
        if data:
            entry["data"] = dict(data)
        self.tx.append(self.state["outbox"], entry)


class Engine:
    def __init__(self, state: dict | None = None, *, clock=None, ids=None, rng=None, dataset: str = "empty"):
        self.clock = clock or runtime.SystemClock()
        self.ids = ids or runtime.SequentialIds()
        self.rng = rng or runtime.system_random()
        self.generation = 0  # counts accepted write commands (caches of derived data key on it)
        if state is None:
            from . import demo_data

            state = demo_data.dataset(dataset)
        else:
            found = state_mod.problems(state)
            if found:
                raise ValueError(f"invalid state: {found[:3]}")
        self.state = state

    # -- protocol ------------------------------------------------------------------------------
    def handle(self, request):
        """One request in, one response out (a JSON string in gives a JSON string out)."""
        as_text = isinstance(request, (str, bytes))
        try:
            response = self._handle(request)
            return protocol.to_json(response) if as_text else response
        except Exception as exc:  # noqa: BLE001 - last line of the promise: never an exception out
            response = {"ok": False, "error": {"code": "internal_error", "rule": None, "instead": [], "field": None,
                                               "reason": None, "lang": messages.DEFAULT,
                                               "message": messages.render("internal_error", messages.DEFAULT,
                                                                          {"detail": type(exc).__name__})}}
            return protocol.to_json(response) if as_text else response

    def execute(self, command: str, args: dict | None = None, session: str | None = None, lang: str = messages.DEFAULT) -> dict:
        """Convenience for Python callers: same as handle({...})."""
        request = {"command": command, "args": args or {}, "session": session, "lang": lang}
        return self._handle(request)

    def _handle(self, raw) -> dict:
        try:
            req = protocol.parse(raw)
        except EngineError as exc:
            return protocol.error(exc, protocol.request_lang(raw), protocol.request_id(raw))
        cmd = COMMANDS.get(req.command)
        if cmd is None:
            return protocol.error(EngineError("unknown_command", field="command", command=req.command), req.lang, req.id)
        ctx = None
        try:
            ctx = Context(self, cmd, req.lang, req.session)
            # Who is asking and whether their role may do this at all come before the arguments:
            # a refused actor learns nothing about the command's form.
            self._resolve_actor(ctx, cmd)
            args = self._check_args(cmd, req.args, req.lang)
            data = cmd.handler(ctx, **args)
            if cmd.journaled:
                self._journal(ctx, cmd)
            if cmd.effect == "write":
                self.generation += 1
            return protocol.ok(data, req.id)
        except EngineError as exc:
            if ctx is not None:
                ctx.tx.rollback()
            extra = exc.params.pop("_extra", None)
            return protocol.error(exc, req.lang, req.id, extra)
        except Exception as exc:  # noqa: BLE001 - the protocol promises an error response, never an exception
            if ctx is not None:
                ctx.tx.rollback()
            detail = f"{type(exc).__name__}: {exc}"
            return protocol.error(EngineError("internal_error", detail=detail), req.lang, req.id)

    # -- steps ---------------------------------------------------------------------------------
    @staticmethod
    def _check_args(cmd, given: dict, lang: str) -> dict:
        """The arguments, checked all at once: every unknown, missing or ill-typed one is reported
        in the same answer."""
        known = {a.name: a for a in cmd.args}
        faults = Faults()
        for name in given:
            if name not in known:
                faults.add(EngineError("unknown_argument", field=name))
        out = {}
        for arg in cmd.args:
            if arg.name not in given or given[arg.name] is None:
                if arg.required:
                    faults.add(EngineError("missing_argument", field=arg.name))
                continue
            value = given[arg.name]
            if not arg.accepts(value):
                faults.add(EngineError("wrong_type", field=arg.name,
                                       expected={k: messages.type_name(arg.type, k) for k in messages.LANGUAGES}))
            elif arg.choices and value not in arg.choices:
                faults.add(FieldError(arg.name, "choice.unknown", choices=", ".join(arg.choices)))
            elif arg.type == "string":
                faults.check(bounds.text, value, arg.name, cmd.name)
            out[arg.name] = value
        faults.done()
        return out

    def _resolve_actor(self, ctx: Context, cmd) -> None:
        if cmd.session == "none":
            return
        session = self.state["sessions"].get(ctx.token) if ctx.token else None
        if session is None:
            raise EngineError("not_logged_in")
        ctx.session = session
        ctx.person = self.state["people"][session["person"]]
        roles = [r for r in self.state["roles"].values() if r["person"] == ctx.person["id"]]
        if roles and all(r["status"] == "blocked" for r in roles):
            raise EngineError("account_blocked")
        if session["profile"] is not None:
            ctx.profile = self.state["roles"].get(session["profile"])
        if cmd.session == "person":
            return  # session commands: a person whose current profile got blocked may still switch
        self.require(ctx, cmd.action)

    @staticmethod
    def require(ctx: Context, action: str) -> None:
        """Refuse unless the session's profile may do `action` (policy table); the decision, with
        its scope, is kept for ctx.authorize. Also used by commands whose action depends on an
        argument (session.view_page)."""
        if ctx.profile is not None and ctx.profile["status"] == "blocked":
            raise EngineError("profile_blocked", rule="blocked_cannot_act")
        ctx.role = ctx.profile["kind"] if ctx.profile else "person"
        decision = policy.decide(ctx.role, action)
        if not decision.allowed and ctx.profile is None and decision.rule == policy.DEFAULT_RULE:
            raise EngineError("profile_required", instead=list(decision.instead))
        if not decision.allowed:
            raise EngineError("forbidden", rule=decision.rule, instead=list(decision.instead))
        ctx.decision = decision

    def _journal(self, ctx: Context, cmd) -> None:
        journal = self.state["journal"]
        person, profile = ctx.person, ctx.profile
        entry = {
            "seq": len(journal) + 1,
            "at": ctx.now,
            "command": cmd.name,
            "effect": cmd.effect,
            "actor": {"person": person["id"], "name": f"{person['first_name']} {person['name']}"} if person else None,
            "profile": ({"role": profile["id"], "kind": profile["kind"], "enterprise": profile["enterprise"],
                         "quality": profile["quality"]} if profile else None),
            "target": dict(ctx.target),
        }
        ctx.tx.append(journal, entry)

    # -- state -----------------------------------------------------------------------------------
    def replace_state(self, ctx: Context, new_state: dict) -> None:
        """Swap the whole state inside a command (state.load, state.reset), undoably."""
        ctx.tx.replace(self, "state", new_state)
        ctx.state = new_state


