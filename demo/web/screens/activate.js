// Activating a quality (RAE, co-RAE): the quality's identification data — the enterprise number,
// or the ONSS number or NISS the quality type asks for, and the type's own fields, all from the
// engine's catalogue — then its local manager (gl-designation.js). And the change of GL of an
// active quality (#/quality/<id>/gl).

import { engineData } from "../api.js";
import { button, dl, h, link, uid } from "../dom.js";
import { field, form, submit } from "../forms.js";
import { pick } from "../i18n.js";
import { glArgument, glChoice, glSummary, sendWithGl } from "./gl-designation.js";

function qualityType(id) {
  return engineData.catalogue.qualities.qualities.find((q) => q.id === id) ?? null;
}

function applicationNames(type) {
  const apps = engineData.catalogue.qualities.applications;
  return type.applications.map((a) => pick(apps[a]) || a);
}

function identifierLabel(kind) {
  return pick(engineData.catalogue.qualities.identifier_kinds[kind]);
}

// The inputs for the type's own activation fields (catalogue: digits, date, enterprise_number).
function typeFields(type) {
  return type.fields.map((f) => field({
    name: `fields.${f.id}`, label: pick(f), required: f.required, paths: [`fields.${f.id}`],
    type: f.type === "date" ? "date" : "text",
    inputmode: f.type === "digits" || f.type === "enterprise_number" ? "numeric" : null,
    validate: f.type === "enterprise_number" ? "enterprise_number" : null,
    maxlength: f.type === "digits" ? f.max_length : undefined,  // a number of n digits; other text: the engine's bound
    autocomplete: "off",
  }));
}

function done(ctx, title, summary, qualityId, flash) {
  ctx.clearMessages();
  ctx.setTitle(title);
  ctx.main.replaceChildren(summary, h("p", { class: "demo-actions" },
    link(ctx.t("activate.open_quality"), ctx.href(`/quality/${encodeURIComponent(qualityId)}`), { class: "md-button" }),
    " ",
    link(ctx.t("activate.back_to_list"), ctx.href("/home"), { class: "md-button" })));
  ctx.announce(flash);
  ctx.focusHeading();
}

// Whether designating `gl` ({self: true} or {niss}) takes the role from the quality's sitting GL
// (quality.view -> gl); designating the sitting GL again is the engine's to refuse.
function replacesSittingGl(sitting, gl, me) {
  if (!sitting) return false;
  if (gl.self) return sitting.id !== me?.id;
  return String(gl.niss).replace(/\D/g, "") !== sitting.niss;
}

// A small confirmation under the form, naming the person who loses the role: "Oui, remplacer …"
// sends, "Non, garder …" closes it and gives the focus back to the form's button.
function askToReplace(ctx, element, quality, proceed) {
  const { t } = ctx;
  element.querySelector(".demo-confirm")?.remove();
  const name = `${quality.gl.first_name} ${quality.gl.name}`;
  const textId = uid("confirm-text");
  const submitButton = element.querySelector("button[type=submit]");
  const box = h("div", { class: "demo-confirm", role: "group", "aria-labelledby": textId },
    h("p", { id: textId, tabindex: "-1" }, t("designate.confirm_text", { name, quality: quality.name })),
    h("div", { class: "demo-actions" },
      button(t("designate.confirm", { name }), async () => {
        box.remove();
        await proceed();
      }, { class: "md-button md-button--primary" }),
      button(t("designate.keep", { name }), () => {
        box.remove();
        submitButton?.focus();
      })));
  submitButton?.closest(".demo-actions")?.before(box);
  box.querySelector("p").focus();
}

export const screens = [
  {
    id: "activate",
    path: "/qualities/activate",
    auth: "profile",
    async render(ctx) {
      const { t } = ctx;
      const title = t("activate.title");
      ctx.setTitle(title);
      const type = qualityType(ctx.query.type);
      const enterprise = ctx.session.profile.enterprise;
      if (!type) {
        ctx.main.append(h("p", {}, t("activate.no_type")), h("p", {}, link(t("activate.back_to_list"), ctx.href("/home"))));
        return;
      }
      const identifier = type.identifier === "enterprise_number"
        ? dl([[identifierLabel(type.identifier), enterprise.number_formatted]])
        : field({ name: "identifier", label: identifierLabel(type.identifier), required: true, paths: ["identifier"],
          validate: type.identifier, inputmode: "numeric", autocomplete: "off" });
      const stepOne = form({
        label: title,
        onSubmit: async (values, element) => {
          if (!(await ctx.checkForm(element))) return;
          const gl = glArgument(ctx, values, element);
          if (!gl) return;
          const fields = Object.fromEntries(type.fields.map((f) => [f.id, values[`fields.${f.id}`]]).filter(([, v]) => v));
          const base = { type: type.id };
          if (type.identifier !== "enterprise_number") base.identifier = values.identifier;
          if (Object.keys(fields).length) base.fields = fields;
          if (values.email) base.email = values.email;
          await sendWithGl(ctx, {
            gl, element, stepOne, title, applications: applicationNames(type),
            send: (person) => ctx.request("quality.activate", { ...base, gl: person }),
            done: (data) => done(ctx, t("activate.done_title"), glSummary(ctx, data.quality, data.gl), data.quality.id,
              t("activate.done", { quality: data.quality.name, gl: `${data.gl.person.first_name} ${data.gl.person.name}` })),
          });
        },
      },
      h("fieldset", {},
        h("legend", {}, t("activate.identification")),
        dl([[t("home.quality"), pick(type)]]),
        identifier,
        typeFields(type),
        field({ name: "email", label: t("activate.email"), type: "email", paths: ["email"], validate: "email",
          autocomplete: "off" })),
      glChoice(t),
      h("div", { class: "demo-actions" },
        button(t("form.previous"), () => ctx.navigate("/home")),
        submit(t("form.next"))));
      ctx.main.append(h("p", {}, t("activate.intro")), stepOne);
    },
  },
  {
    id: "designate-gl",
    path: "/quality/:quality/gl",
    auth: "profile",
    async render(ctx) {
      const { t } = ctx;
      const title = t("designate.title");
      ctx.setTitle(title);
      const quality = await ctx.run("quality.view", { quality: ctx.quality });
      if (!quality) return;
      const type = qualityType(quality.type);
      const designate = (gl, element) => sendWithGl(ctx, {
        gl, element, stepOne, title, applications: applicationNames(type),
        send: (person) => ctx.request("quality.designate_gl", { quality: quality.id, gl: person }),
        done: (data) => done(ctx, t("designate.done_title"), glSummary(ctx, quality, data.gl), quality.id,
          [t("designate.done", { quality: quality.name, gl: `${data.gl.person.first_name} ${data.gl.person.name}` }),
            data.previous ? t("designate.replaced", { name: `${data.previous.first_name} ${data.previous.name}` }) : ""]
            .join(" ").trim()),
      });
      const stepOne = form({
        label: title,
        onSubmit: async (values, element) => {
          if (!(await ctx.checkForm(element))) return;
          const gl = glArgument(ctx, values, element);
          if (!gl) return;
          // The sitting GL loses the role in the same command: the reader confirms, seeing who.
          if (replacesSittingGl(quality.gl, gl, ctx.session.person)) {
            askToReplace(ctx, element, quality, () => designate(gl, element));
            return;
          }
          await designate(gl, element);
        },
      },
      dl([
        [t("home.quality"), quality.name],
        [quality.identifier_label, quality.identifier_formatted],
        [t("designate.current"), quality.gl ? `${quality.gl.first_name} ${quality.gl.name}` : null],
      ]),
      glChoice(t),
      h("div", { class: "demo-actions" },
        button(t("form.previous"), () => ctx.navigate("/home")),
        submit(t("form.next"))));
      ctx.main.append(h("p", {}, t("designate.intro")), stepOne);
    },
  },
];
