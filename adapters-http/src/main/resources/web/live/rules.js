"use strict";
// The rules panel: every role sees the rules in force; admins add, enable/disable and delete them.
// Uses api() and $() from live.js.
const ruleNames = new Map();
let canManageRules = false;

function ruleName(id) {
  return ruleNames.get(id) || id;
}

function startRules(isAdmin) {
  canManageRules = isAdmin;
  $("rule-form").hidden = !isAdmin;
  loadRules();
}

function describeConditions(c) {
  const parts = [];
  if (c.category) parts.push("category in " + c.category.join(", "));
  if (c.make) parts.push("make in " + c.make.join(", "));
  if (c.model) parts.push("model " + Object.keys(c.model)[0] + " " + Object.values(c.model)[0]);
  if (c.year) parts.push("year " + (c.year.from ?? "…") + "–" + (c.year.to ?? "…"));
  return parts.join("; ");
}

async function loadRules() {
  try {
    const rules = await api("/rules");
    $("rules-error").textContent = "";
    ruleNames.clear();
    rules.data.forEach((r) => ruleNames.set(r.id, r.name));
    $("rules").replaceChildren(...rules.data.map(ruleRow));
  } catch (e) {
    $("rules-error").textContent = e.message;
  }
}

function ruleRow(rule) {
  const tr = document.createElement("tr");
  tr.dataset.ruleId = rule.id;
  tr.className = rule.enabled ? "" : "disabled";
  for (const value of [rule.name, describeConditions(rule.conditions), rule.enabled ? "on" : "off"]) {
    const td = document.createElement("td");
    td.textContent = value;
    tr.appendChild(td);
  }
  const actions = document.createElement("td");
  if (canManageRules) {
    actions.append(
      button(rule.enabled ? "Disable" : "Enable", "toggle-rule",
        () => changeRule("PUT", rule, { name: rule.name, enabled: !rule.enabled, conditions: rule.conditions })),
      button("Delete", "delete-rule", () => confirm("Delete rule " + rule.name + "?") && changeRule("DELETE", rule)));
  }
  tr.appendChild(actions);
  return tr;
}

function button(text, cls, onClick) {
  const b = document.createElement("button");
  b.textContent = text;
  b.className = cls;
  b.addEventListener("click", onClick);
  return b;
}

async function changeRule(method, rule, body) {
  try {
    await api("/rules/" + encodeURIComponent(rule.id), { method, body: body && JSON.stringify(body) });
  } catch (e) {
    $("rules-error").textContent = e.message;
  }
  loadRules();
}

function listField(id) {
  const values = $(id).value.split(",").map((v) => v.trim()).filter((v) => v);
  return values.length ? values : undefined;
}

async function addRule(event) {
  event.preventDefault();
  const conditions = { category: listField("rule-categories"), make: listField("rule-makes") };
  if ($("rule-model").value.trim()) conditions.model = { [$("rule-model-op").value]: $("rule-model").value.trim() };
  const from = $("rule-year-from").value, to = $("rule-year-to").value;
  if (from || to) conditions.year = { from: from ? Number(from) : undefined, to: to ? Number(to) : undefined };
  try {
    await api("/rules", { method: "POST", body: JSON.stringify({ name: $("rule-name").value, conditions }) });
    $("rule-form").reset();
    $("rules-error").textContent = "";
  } catch (e) {
    $("rules-error").textContent = e.message;
  }
  loadRules();
}

$("rule-form").addEventListener("submit", addRule);
