// The legal representative registers the enterprise and designates its RAE — themself or another
// person by NISS (the account form follows when the person is new). To try it on an enterprise
// of one's own making, #/bce simulates an entry in the Crossroads Bank for Enterprises: a
// number checked by the engine, a name and a legal representative, who can then log in.

import { button, dl, h, link } from "../dom.js";
import { accountForm, field, form, personFrom, radios, submit } from "../forms.js";
import { formatDate } from "../i18n.js";
import * as session from "../session.js";
import { afterLogin } from "./login.js";

function raeChoice(t) {
  return h("div", {},
    radios({ name: "rae_choice", legend: t("register.rae_legend"), required: true, paths: ["rae.self"],
      options: [{ value: "self", label: t("register.rae_self") }, { value: "other", label: t("register.rae_other") }] }),
    field({ name: "rae_niss", label: t("register.rae_niss"), paths: ["rae.niss", "rae"], validate: "niss",
      inputmode: "numeric", autocomplete: "off", hint: t("register.rae_niss_hint") }));
}

function done(ctx, data) {
  const { t } = ctx;
  const rae = data.rae;
  ctx.clearMessages();
  ctx.setTitle(t("register.done_title"));
  ctx.main.replaceChildren(
    dl([
      [t("home.enterprise_name"), data.enterprise.name],
      [t("home.enterprise_number"), data.enterprise.number_formatted],
      [t("register.rae"), `${rae.person.first_name} ${rae.person.name}`],
      [t("account.niss"), rae.person.niss_formatted],
      [t("account.username"), rae.person.username],
      [t("account.email"), rae.email],
      [t("gl.summary_created"), formatDate(rae.created)],
    ]),
    h("p", {}, t("register.done_next")),
    h("p", { class: "demo-actions" },
      link(t("bar.change_profile"), ctx.href("/profile"), { class: "md-button" }),
      link(t("menu.mailbox"), ctx.href("/mailbox"), { class: "md-button" })));
  ctx.announce(t("register.done", { enterprise: data.enterprise.name, name: `${rae.person.first_name} ${rae.person.name}` }));
  ctx.focusHeading();
}

async function registerScreen(ctx) {
  const { t } = ctx;
  const title = t("register.title");
  ctx.setTitle(title);
  const enterprise = ctx.session.profile.enterprise;
  const send = (rae, email) => ctx.request("enterprise.register", { email, rae });

  const stepOne = form({
    label: title,
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      let rae = { self: true };
      if (values.rae_choice === "other") {
        if (!values.rae_niss) {
          ctx.fail({ code: "form", message: t("register.rae_niss_required"), field: "rae.niss", instead: [] }, element);
          return;
        }
        rae = { niss: values.rae_niss };
      }
      const response = await send(rae, values.email);
      if (response.ok) return done(ctx, response.data);
      if (response.error.code !== "person_data_required" || !rae.niss) return ctx.fail(response.error, element);
      accountStep(rae.niss, values.email);
    },
  },
  dl([[t("home.enterprise_name"), enterprise.name], [t("home.enterprise_number"), enterprise.number_formatted],
    [t("register.state"), enterprise.registered ? t("register.registered") : t("register.not_registered")]]),
  field({ name: "email", label: t("register.email"), type: "email", required: true, paths: ["email"], validate: "email",
    autocomplete: "off", hint: t("register.email_hint") }),
  raeChoice(t),
  submit(t("register.submit")));

  // The RAE is new to the application: the account form, NISS filled in, then the same command.
  async function accountStep(niss, email) {
    const validated = await ctx.request("engine.validate", { field: "niss", value: niss });
    const formatted = validated.ok && validated.data.valid ? validated.data.formatted : niss;
    const step = form({
      label: t("register.account_title"),
      onSubmit: async (values, element) => {
        if (!(await ctx.checkForm(element))) return;
        const response = await send(personFrom(values, niss), email);
        if (response.ok) done(ctx, response.data);
        else ctx.fail(response.error, element);
      },
    },
    accountForm({ path: "rae", niss, nissFormatted: formatted }),
    h("div", { class: "demo-actions" },
      button(t("form.previous"), () => {
        ctx.clearMessages();
        step.replaceWith(stepOne);
        ctx.setTitle(title);
        ctx.focusHeading();
      }),
      submit(t("form.save"))));
    stepOne.replaceWith(step);
    ctx.clearMessages();
    ctx.setTitle(t("register.account_title"));
    ctx.announce(t("gl.unknown_person"));
    ctx.focusHeading();
  }

  ctx.main.append(h("p", {}, t("register.intro")), stepOne,
    h("p", {}, t("register.bce_intro"), " ", link(t("register.bce_link"), ctx.href("/bce"))));
}

async function bceScreen(ctx) {
  const { t } = ctx;
  ctx.setTitle(t("bce.title"));
  const simulate = form({
    label: t("bce.title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const representative = { niss: values.niss, name: values.name, first_name: values.first_name, email: values.email };
      const added = await ctx.run("bce.add_enterprise",
        { number: values.number, name: values.enterprise, legal_representatives: [representative] }, { form: element });
      if (!added) return;
      ctx.clearMessages();
      ctx.setTitle(t("bce.done_title"));
      ctx.main.replaceChildren(
        dl([[t("home.enterprise_name"), values.enterprise], [t("home.enterprise_number"), values.number],
          [t("bce.representative"), `${values.first_name} ${values.name}`]]),
        h("p", {}, t("bce.done_next")),
        h("p", {}, button(t("bce.login"), async () => {
          const data = await ctx.run("session.login", { method: "eid", niss: values.niss });
          if (data) await afterLogin(ctx, data);
        }, { class: "md-button md-button--primary" })));
      ctx.announce(t("bce.done", { enterprise: values.enterprise }));
      ctx.focusHeading();
    },
  },
  field({ name: "number", label: t("home.enterprise_number"), required: true, paths: ["number"],
    validate: "enterprise_number", inputmode: "numeric", autocomplete: "off", hint: t("bce.number_hint") }),
  field({ name: "enterprise", label: t("home.enterprise_name"), required: true, paths: ["name"], autocomplete: "off" }),
  h("fieldset", {},
    h("legend", {}, t("bce.representative")),
    field({ name: "niss", label: t("account.niss"), required: true, validate: "niss", inputmode: "numeric",
      paths: ["legal_representatives.0.niss", "legal_representatives.0", "legal_representatives"], autocomplete: "off" }),
    field({ name: "name", label: t("account.name"), required: true, paths: ["legal_representatives.0.name"], autocomplete: "off" }),
    field({ name: "first_name", label: t("account.first_name"), required: true, paths: ["legal_representatives.0.first_name"],
      autocomplete: "off" }),
    field({ name: "email", label: t("account.email"), type: "email", required: true, validate: "email",
      paths: ["legal_representatives.0.email"], autocomplete: "off" })),
  submit(t("bce.submit")));
  ctx.main.append(h("p", {}, t("bce.intro")), simulate);
  if (session.current.token) ctx.main.append(h("p", { class: "demo-hint" }, t("bce.logged_in_note")));
}

export const screens = [
  { id: "register", path: "/register", auth: "profile", render: registerScreen,
    menu: { group: "enterprise", action: "enterprise.register", label: "menu.register", order: 5 } },
  { id: "bce", path: "/bce", auth: "none", render: bceScreen },
];
