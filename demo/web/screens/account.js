// Everyone's own account: the personal data (language, e-mail and local e-mail can be changed;
// name, NISS, username… are shown, read only — they come from the national register or were
// chosen once) and the password change, with the rules beside the field, written from the
// engine's data. An account without a password (eID only) chooses a username at the same time.

import { dl, h, link, uid } from "../dom.js";
import { field, form, languageOptions, passwordRules, submit, usernameRules } from "../forms.js";
import { formatDate } from "../i18n.js";

function readOnly(ctx, person) {
  const { t } = ctx;
  return dl([
    [t("account.name"), person.name],
    [t("account.first_name"), person.first_name],
    [t("account.title"), person.title],
    [t("account.niss"), person.niss_formatted],
    [t("account.username"), person.username],
    [t("me.password"), person.has_password ? t("me.password_set") : t("me.password_none")],
    [t("me.certificate"), person.certificate ? person.certificate.subject : t("me.certificate_none")],
    [t("me.created"), formatDate(person.created)],
    [t("me.modified"), formatDate(person.modified)],
  ]);
}

function editForm(ctx, person) {
  const { t } = ctx;
  return form({
    label: t("me.edit_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const args = {};
      if (values.language !== person.language) args.language = values.language;
      if (values.email !== (person.email ?? "")) args.email = values.email;
      if (values.local_email !== (person.local_email ?? "")) args.local_email = values.local_email;
      if (!Object.keys(args).length) {
        ctx.clearMessages();
        ctx.announce(t("members.nothing_changed"));
        return;
      }
      const saved = await ctx.run("account.edit", args, { form: element });
      if (saved) ctx.navigate("/account", {}, { flash: t("me.saved") });
    },
  },
  field({ name: "language", label: t("account.language"), type: "select", options: languageOptions(), value: person.language,
    paths: ["language"] }),
  field({ name: "email", label: t("account.email"), type: "email", value: person.email ?? "", paths: ["email"],
    validate: "email", autocomplete: "email" }),
  field({ name: "local_email", label: t("account.local_email"), type: "email", value: person.local_email ?? "",
    paths: ["local_email"], validate: "email", autocomplete: "off", hint: t("me.local_email_hint") }),
  submit(t("form.save")));
}

async function dataScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("me.title"));
  const account = await ctx.run("account.view");
  if (!account) return;
  const [readId, editId] = [uid("read"), uid("edit")];
  ctx.main.append(
    h("section", { "aria-labelledby": readId, class: "demo-block" },
      h("h3", { id: readId }, t("me.read_only")), h("p", {}, t("me.read_only_intro")), readOnly(ctx, account.person)),
    h("section", { "aria-labelledby": editId, class: "demo-block" },
      h("h3", { id: editId }, t("me.edit_title")), editForm(ctx, account.person)),
    h("p", { class: "demo-actions" },
      link(t("menu.password"), ctx.href("/account/password"), { class: "md-button" }),
      link(t("menu.certificate"), ctx.href("/account/certificate"), { class: "md-button" })));
}

async function passwordScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("password.title"));
  const account = await ctx.run("account.view");
  if (!account) return;
  const person = account.person;
  const change = form({
    className: "demo-form demo-rules-beside",
    label: t("password.title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const args = { new: values.new, confirmation: values.confirmation };
      if (person.has_password) args.current = values.current;
      if (!person.username) args.username = values.username;
      const done = await ctx.run("account.change_password", args, { form: element });
      if (done) ctx.navigate("/account", {}, { flash: t("password.changed", { username: done.username }) });
    },
  },
  person.username ? dl([[t("account.username"), person.username]]) : h("div", {},
    h("p", {}, t("password.no_username")),
    field({ name: "username", label: t("account.username"), required: true, paths: ["username"], validate: "username",
      autocomplete: "username", hint: usernameRules() })),
  person.has_password ? field({ name: "current", label: t("password.current"), type: "password", required: true,
    paths: ["current"], autocomplete: "current-password" }) : null,
  field({ name: "new", label: t("password.new"), type: "password", required: true, paths: ["new"], validate: "password",
    autocomplete: "new-password", hint: h("div", {}, h("p", { class: "demo-hint" }, t("password.rules")), passwordRules()) }),
  field({ name: "confirmation", label: t("password.confirmation"), type: "password", required: true, paths: ["confirmation"],
    confirms: "new", autocomplete: "new-password" }),
  submit(t("password.submit")));
  ctx.main.append(h("p", {}, person.has_password ? t("password.intro") : t("password.intro_first")), change);
}

export const screens = [
  { id: "account", path: "/account", auth: "session", render: dataScreen,
    menu: { group: "account", action: "account.view", label: "menu.my_data", order: 10 } },
  { id: "account-password", path: "/account/password", auth: "session", render: passwordScreen,
    menu: { group: "account", action: "account.change_password", label: "menu.password", order: 20 } },
];
