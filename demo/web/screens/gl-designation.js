// Designating the local manager (GL) of a quality, shared by the activation of a quality and the
// change of GL: "I manage the quality myself" or "I designate a GL" by NISS. When the engine
// does not know the NISS (person_data_required), the guide's account form follows, with the NISS
// already filled in; the command is sent again with the person's data.

import { button, dl, h } from "../dom.js";
import { accountForm, field, form, personFrom, radios, submit } from "../forms.js";
import { formatDate } from "../i18n.js";

export function glChoice(t) {
  const niss = field({ name: "gl_niss", label: t("gl.niss"), paths: ["gl.niss", "gl"], validate: "niss",
    inputmode: "numeric", autocomplete: "off", hint: t("gl.niss_hint") });
  const choice = radios({
    name: "gl_choice", legend: t("gl.legend"), required: true, paths: ["gl.self"],
    options: [{ value: "self", label: t("gl.self") }, { value: "other", label: t("gl.other") }],
  });
  // The NISS is required once "I designate a GL" is chosen: the form's checks then list it with
  // every other fault in one round.
  const input = niss.querySelector("input");
  input.dataset.requiredMessage = t("gl.niss_required");
  choice.addEventListener("change", (event) => {
    if (event.target.value === "other") input.setAttribute("aria-required", "true");
    else input.removeAttribute("aria-required");
  });
  return h("div", { class: "demo-gl-choice" }, choice, niss);
}

// The "gl" argument from the choice, or null after marking the NISS field (designation without NISS).
export function glArgument(ctx, values, element) {
  if (values.gl_choice === "self") return { self: true };
  if (!values.gl_niss) {
    ctx.fail({ code: "form", message: ctx.t("gl.niss_required"), field: "gl.niss", instead: [] }, element);
    return null;
  }
  return { niss: values.gl_niss };
}

// Send `send(gl)`; on person_data_required, swap `stepOne` for the account form and send again
// with the full person. `done(data)` gets the engine's answer.
export async function sendWithGl(ctx, { gl, element, stepOne, send, applications, title, done }) {
  const response = await send(gl);
  if (response.ok) return done(response.data);
  if (response.error.code !== "person_data_required" || !gl.niss) {
    ctx.fail(response.error, element);
    return null;
  }
  const validated = await ctx.request("engine.validate", { field: "niss", value: gl.niss });
  const formatted = validated.ok && validated.data.valid ? validated.data.formatted : gl.niss;
  const back = button(ctx.t("form.previous"), () => {
    ctx.clearMessages();
    accountStep.replaceWith(stepOne);
    ctx.setTitle(title);
    ctx.focusHeading();
  });
  const accountStep = form({
    label: ctx.t("gl.account_title"),
    onSubmit: async (values, accountElement) => {
      if (!(await ctx.checkForm(accountElement))) return;
      const again = await send(personFrom(values, gl.niss));
      if (again.ok) await done(again.data);
      else ctx.fail(again.error, accountElement);
    },
  },
  accountForm({ path: "gl", niss: gl.niss, nissFormatted: formatted, applications }),
  h("div", { class: "demo-actions" }, back, submit(ctx.t("form.save"))));
  stepOne.replaceWith(accountStep);
  ctx.clearMessages();
  ctx.setTitle(ctx.t("gl.account_title"));
  ctx.announce(ctx.t("gl.unknown_person"));
  ctx.focusHeading();
  return null;
}

// The confirmation: the quality and its (new) GL.
export function glSummary(ctx, quality, role) {
  const person = role.person;
  return dl([
    [ctx.t("home.quality"), quality.name],
    [quality.identifier_label, quality.identifier_formatted],
    [ctx.t("gl.summary_gl"), `${person.first_name} ${person.name}`],
    [ctx.t("account.niss"), person.niss_formatted],
    [ctx.t("account.username"), person.username],
    [ctx.t("account.email"), role.email],
    [ctx.t("gl.summary_status"), ctx.t(`status.${role.status}`)],
    [ctx.t("gl.summary_created"), formatDate(role.created)],
  ]);
}
