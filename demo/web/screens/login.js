// Logging in, as the guide describes: with an electronic identity card (here: choose a person of
// the demo's data, or type the NISS of another card) or with a username and password (those of
// the demo's accounts, or of an account created in the demo). A person with several profiles
// then picks one (profile.js); a person with one profile goes straight to its home page.

import { engineData, request, system } from "../api.js";
import { h, uid } from "../dom.js";
import { field, form, submit } from "../forms.js";
import { locale, pick } from "../i18n.js";
import { roleName } from "../policy.js";
import * as session from "../session.js";

function qualityName(state, qualityId) {
  const quality = state.qualities[qualityId];
  const type = engineData.catalogue.qualities.qualities.find((q) => q.id === quality?.type);
  return pick(type);
}

// "RAE (S.A. Demo N.V.), GL — Employeur ONSS (S.A. Demo N.V.), blocked …" from the exported state.
function rolesOf(state, personId, t) {
  return Object.values(state.roles)
    .filter((r) => r.person === personId)
    .map((r) => {
      const where = state.enterprises[r.enterprise]?.name ?? "";
      const quality = r.quality ? ` — ${qualityName(state, r.quality)}` : "";
      const blocked = r.status === "blocked" ? ` ${t("login.blocked")}` : "";
      return `${roleName(r.kind)}${quality} (${where})${blocked}`;
    });
}

// The demo dataset's accounts as the demo page publishes them (data-accounts, written at build
// time from the engine's demo data): {password, usernames}.
function demoAccounts() {
  try {
    const found = JSON.parse(document.getElementById("demo-app")?.dataset.accounts ?? "null");
    return found && typeof found.password === "string" && Array.isArray(found.usernames) ? found : null;
  } catch {
    return null;
  }
}

// The accounts the login asks for: each username of the demo data still in the state, whose it
// is, and the password they share.
function accountsBlock(state, t) {
  const accounts = demoAccounts();
  if (!accounts) return null;
  const published = new Set(accounts.usernames);
  const people = Object.values(state.people).filter((p) => published.has(p.username))
    .sort((a, b) => a.username.localeCompare(b.username));
  if (!people.length) return null;
  return h("div", { class: "demo-accounts" },
    h("p", {}, t("login.accounts_intro"), " ", h("code", { class: "demo-password" }, accounts.password)),
    h("ul", { class: "demo-account-list" }, people.map((p) =>
      h("li", {}, h("code", {}, p.username), " — ", `${p.first_name} ${p.name}`))));
}

// After session.login: one profile is taken at once, several are offered, none means the
// person acts without a profile (own account, invitations).
export async function afterLogin(ctx, data) {
  const previous = ctx.session.token;
  session.started(data.session, data.person, null);
  // The session that was open before ends: one person at a time at this keyboard.
  if (previous && previous !== data.session) await request("session.logout", {}, { session: previous });
  const selectable = data.profiles.filter((p) => p.selectable);
  const welcome = ctx.t("login.welcome", { name: `${data.person.first_name} ${data.person.name}` });
  if (data.profiles.length === 1 && selectable.length === 1) {
    const chosen = await ctx.run("session.choose_profile", { profile: selectable[0].id });
    if (!chosen) return;
    // The home page's heading welcomes the person: no second welcome in the result line.
    session.started(data.session, data.person, chosen);
    ctx.navigate("/home");
  } else if (data.profiles.length === 0) {
    ctx.navigate("/home");
  } else {
    ctx.navigate("/profile", {}, { flash: welcome });
  }
}

export const screens = [
  {
    id: "login",
    path: "/login",
    auth: "none",
    async render(ctx) {
      const { t } = ctx;
      ctx.setTitle(t("login.title"));
      if (ctx.session.person) {
        ctx.main.append(h("p", { class: "demo-note" },
          t("login.already", { name: `${ctx.session.person.first_name} ${ctx.session.person.name}` })));
      }
      const exported = await system("state.export");
      if (!exported.ok) {
        ctx.fail(exported.error);
        return;
      }
      const state = exported.data;
      const people = Object.values(state.people)
        .sort((a, b) => a.name.localeCompare(b.name, locale) || a.first_name.localeCompare(b.first_name, locale));

      const eidId = uid("eid");
      const cards = h("ul", { class: "demo-people" }, people.map((person) => {
        const rolesId = uid("roles");
        const roles = rolesOf(state, person.id, t);
        return h("li", {},
          h("button", {
            type: "button", class: "md-button demo-person", "aria-describedby": rolesId,
            dataset: { person: person.id },
            on: {
              click: async () => {
                const data = await ctx.run("session.login", { method: "eid", niss: person.niss });
                if (data) await afterLogin(ctx, data);
              },
            },
          }, `${person.first_name} ${person.name}`),
          h("span", { id: rolesId, class: "demo-person-roles" },
            roles.length ? roles.join(", ") : t("login.no_role")));
      }));

      const passwordForm = form({
        label: t("login.password_title"),
        onSubmit: async (values, element) => {
          if (!(await ctx.checkForm(element))) return;
          const data = await ctx.run("session.login",
            { method: "password", username: values.username, password: values.password }, { form: element });
          if (data) await afterLogin(ctx, data);
        },
      },
      field({ name: "username", label: t("login.username"), required: true, autocomplete: "username" }),
      field({ name: "password", label: t("login.password"), type: "password", required: true,
        autocomplete: "current-password" }),
      submit(t("login.submit")));

      const cardForm = form({
        label: t("login.card_title"),
        onSubmit: async (values, element) => {
          if (!(await ctx.checkForm(element))) return;
          const args = { method: "eid", niss: values.niss };
          if (values.name) args.name = values.name;
          if (values.first_name) args.first_name = values.first_name;
          const data = await ctx.run("session.login", args, { form: element });
          if (data) await afterLogin(ctx, data);
        },
      },
      field({ name: "niss", label: t("login.niss"), required: true, validate: "niss", inputmode: "numeric",
        autocomplete: "off", hint: t("login.niss_hint") }),
      field({ name: "name", label: t("login.card_name"), autocomplete: "off" }),
      field({ name: "first_name", label: t("login.card_first_name"), autocomplete: "off" }),
      submit(t("login.card_submit")));

      ctx.main.append(
        h("p", {}, t("login.intro")),
        // New readers: the guided tours and scenarios, before any login (the menu needs one).
        h("p", { class: "demo-note" }, t("login.tours"), " ", h("a", { href: ctx.href("/tours") }, t("menu.tours"))),
        h("section", { "aria-labelledby": eidId, class: "demo-block" },
          h("h3", { id: eidId }, t("login.eid_title")),
          h("p", {}, t("login.eid_intro")),
          cards),
        h("section", { "aria-labelledby": `${eidId}-pw`, class: "demo-block" },
          h("h3", { id: `${eidId}-pw` }, t("login.password_title")),
          h("p", {}, t("login.password_intro")),
          accountsBlock(state, t),
          passwordForm),
        h("section", { "aria-labelledby": `${eidId}-card`, class: "demo-block" },
          h("h3", { id: `${eidId}-card` }, t("login.card_title")),
          h("p", {}, t("login.card_intro")),
          cardForm));
    },
  },
];
