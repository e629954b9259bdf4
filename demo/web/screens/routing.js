// The routing module of a quality (GL, co-GL): for each declaration — the DRS first — who
// receives the structured messages (the enterprise itself, or a mandatary that holds a
// procuration for that declaration) and, when the enterprise receives them, through which
// channel (its e-Box or a batch channel it registered: FTP, MQLink, Isabel). Below, the batch
// channels and the registration of a new one. An RAE or co-RAE who opens the quality gets the
// same screen (seed 000 §2: the local manager's menu, with the Routing Module).

import { engineData } from "../api.js";
import { append, dl, h, uid } from "../dom.js";
import { field, form, radios, submit } from "../forms.js";
import { formatDate, pick } from "../i18n.js";

function routingPath(quality) {
  return `/quality/${encodeURIComponent(quality)}/routing`;
}

function channelKindName(kind) {
  return pick(engineData.catalogue.qualities.batch_channels[kind]) || kind;
}

function channelLabel(t, channelId, channels) {
  if (channelId === "ebox") return t("routing.ebox");
  const channel = channels.find((c) => c.id === channelId);
  return channel ? `${channelKindName(channel.kind)} — ${channel.address}` : channelId;
}

async function formattedNumber(ctx, number) {
  const response = await ctx.request("engine.validate", { field: "enterprise_number", value: number });
  return response.ok && response.data.valid ? response.data.formatted : number;
}

function procurationLabel(ctx, p, number) {
  const names = engineData.catalogue.qualities.declarations;
  const covers = p.declarations.map((d) => pick(names[d]) || d).join(", ");
  return ctx.t("routing.procuration_label", { name: p.mandatary_name, number, declarations: covers });
}

function declarationSection(ctx, quality, setting, data, numbers) {
  const { t } = ctx;
  const id = uid("decl");
  const recipient = setting.recipient;
  const current = recipient.kind === "mandatary"
    ? t("routing.to_mandatary_named", { name: recipient.mandatary_name, number: numbers.get(recipient.mandatary_number) })
    : t("routing.to_enterprise");
  const edit = form({
    label: t("routing.edit_for", { declaration: setting.name }),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const args = { quality, declaration: setting.declaration, recipient: values.recipient };
      if (values.recipient === "enterprise") args.channel = values.channel;
      else if (values.procuration) args.procuration = values.procuration;
      const saved = await ctx.run("routing.edit", args, { form: element });
      if (saved) ctx.navigate(routingPath(quality), {}, { flash: t("routing.saved", { declaration: setting.name }) });
    },
  },
  radios({
    name: "recipient", legend: t("routing.recipient"), required: true, paths: ["recipient"],
    options: [
      { value: "enterprise", label: t("routing.to_enterprise"), checked: recipient.kind === "enterprise" },
      { value: "mandatary", label: t("routing.to_mandatary"), checked: recipient.kind === "mandatary" },
    ],
  }),
  field({ name: "procuration", label: t("routing.procuration"), type: "select", paths: ["procuration"],
    value: recipient.procuration ?? "", hint: t("routing.procuration_hint"),
    options: [{ value: "", label: t("form.choose") },
      ...data.procurations.map((p) => ({ value: p.id, label: procurationLabel(ctx, p, numbers.get(p.mandatary_number)) }))] }),
  field({ name: "channel", label: t("routing.channel"), type: "select", paths: ["channel"], value: setting.channel ?? "ebox",
    hint: t("routing.channel_hint"),
    options: [{ value: "ebox", label: t("routing.ebox") },
      ...data.channels.map((c) => ({ value: c.id, label: channelLabel(t, c.id, data.channels) }))] }),
  submit(t("form.save")));
  return h("section", { "aria-labelledby": id, class: "demo-block", dataset: { declaration: setting.declaration } },
    h("h3", { id }, setting.name),
    dl([
      [t("routing.recipient"), current],
      [t("routing.channel"), setting.channel ? channelLabel(t, setting.channel, data.channels) : t("routing.channel_by_mandatary")],
      [t("routing.modified"), formatDate(setting.modified)],
    ]),
    edit);
}

function channelsSection(ctx, quality, channels) {
  const { t } = ctx;
  const id = uid("channels");
  const kinds = Object.keys(engineData.catalogue.qualities.batch_channels);
  const register = form({
    label: t("routing.register_title"),
    onSubmit: async (values, element) => {
      if (!(await ctx.checkForm(element))) return;
      const channel = await ctx.run("batch_channel.register", { quality, kind: values.kind, address: values.address },
        { form: element });
      if (channel) {
        ctx.navigate(routingPath(quality), {}, { flash: t("routing.registered", {
          channel: `${channelKindName(channel.kind)} — ${channel.address}` }) });
      }
    },
  },
  field({ name: "kind", label: t("routing.channel_kind"), type: "select", required: true, paths: ["kind"],
    options: kinds.map((k) => ({ value: k, label: channelKindName(k) })) }),
  field({ name: "address", label: t("routing.channel_address"), required: true, paths: ["address"], autocomplete: "off",
    hint: t("routing.channel_address_hint") }),
  submit(t("routing.register")));
  return h("section", { "aria-labelledby": id, class: "demo-block" },
    h("h3", { id }, t("routing.channels_title")),
    channels.length ? h("div", { class: "demo-table-wrap" }, h("table", { class: "demo-table" },
      h("caption", { class: "demo-sr-only" }, t("routing.channels_title")),
      h("thead", {}, h("tr", {}, [t("routing.channel_kind"), t("routing.channel_address"), t("routing.registered_on")]
        .map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, channels.map((c) => h("tr", {},
        h("td", {}, channelKindName(c.kind)), h("td", {}, c.address), h("td", {}, formatDate(c.registered)))))))
      : h("p", {}, t("routing.no_channel")),
    h("h4", {}, t("routing.register_title")),
    register);
}

export const screens = [
  {
    id: "routing",
    path: "/quality/:quality/routing",
    auth: "profile",
    menu: { group: "quality", action: "routing.view", label: "menu.routing", order: 40 },
    async render(ctx) {
      const { t } = ctx;
      ctx.setTitle(t("routing.title"));
      const data = await ctx.run("routing.view", { quality: ctx.quality });
      if (!data) return;
      const numbers = new Map();
      for (const p of data.procurations) numbers.set(p.mandatary_number, await formattedNumber(ctx, p.mandatary_number));
      // The DRS first, as the guide presents the module; the others in the catalogue's order.
      const settings = [...data.routing].sort((a, b) => (b.declaration === "drs") - (a.declaration === "drs"));
      append(ctx.main, [h("p", {}, t("routing.intro")),
        settings.length ? settings.map((s) => declarationSection(ctx, data.quality, s, data, numbers))
          : h("p", {}, t("routing.no_declaration")),
        channelsSection(ctx, data.quality, data.channels)]);
    },
  },
];
