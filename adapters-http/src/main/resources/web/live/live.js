"use strict";
// The live page: log in, then follow alerts (EventSource), per-make counts, the per-minute timeline (timeline.js)
// and the detections table, newest first, refreshed while its first page is shown.
const MAX_ALERTS_SHOWN = 200;
const STATS_REFRESH_MS = 3000;
const PAGE_SIZE = 20;
const STREAM_RETRY_MS = 5000;

let token = sessionStorage.getItem("token");
let source = null;
let statsTimer = null;
let alertCount = 0;
let pageNumber = 1;
let nextCursor = null;
let lastAlertId = null;
let streamRetry = null;
let streamToken = null;
let renewal = null;

const $ = (id) => document.getElementById(id);

function authHeaders() {
  return { Authorization: "Bearer " + token };
}

async function api(path, options = {}) {
  const headers = { ...authHeaders(), ...(options.body ? { "Content-Type": "application/json" } : {}) };
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    endSession("Your session ended: log in again to carry on where you were.");
    throw new Error("session expired");
  }
  if (!response.ok) {
    throw new Error((await response.json()).error || response.statusText);
  }
  return response.status === 204 ? null : response.json();
}

async function logIn(event) {
  event.preventDefault();
  $("login-error").textContent = "";
  const body = new URLSearchParams({ username: $("username").value, password: $("password").value });
  const response = await fetch("/login", { method: "POST", body });
  const json = await response.json();
  if (!response.ok) {
    $("login-error").textContent = json.error || "login failed";
    return;
  }
  token = json.access_token;
  sessionStorage.setItem("token", token);
  start();
}

function claimsOf(jwt) {
  return JSON.parse(atob(jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
}

// Renews the token halfway through its life, so the open alert stream (which ends with the token it was opened
// with) reconnects with a fresh one instead of asking for the password; the session's end (JWT_SESSION_MINUTES
// after the login) still asks for it.
function scheduleRenewal() {
  clearTimeout(renewal);
  const left = claimsOf(token).exp * 1000 - Date.now();
  renewal = setTimeout(async () => {
    const response = await fetch("/login/renew", { method: "POST", headers: authHeaders() }).catch(() => null);
    if (response && response.ok && token) {
      token = (await response.json()).access_token;
      sessionStorage.setItem("token", token);
      scheduleRenewal();
    }
  }, Math.max(1000, left / 2));
}

function logOut() {
  endSession("");
  lastAlertId = null;
}

// The token expired (or was refused): back to the login form, keeping the last alert shown, so that the stream
// resumes right after it once the user has logged in again, with no alert missed.
function endSession(message) {
  token = null;
  sessionStorage.removeItem("token");
  clearTimeout(renewal);
  if (source) source.close();
  clearTimeout(streamRetry);
  clearInterval(statsTimer);
  $("login-error").textContent = message;
  $("dashboard").hidden = true;
  $("logout").hidden = true;
  $("login-panel").hidden = false;
  $("who").textContent = "";
}

function start() {
  const claims = claimsOf(token);
  scheduleRenewal();
  $("who").textContent = claims.name + " " + claims.lastname + " (" + claims.role + ")";
  $("login-panel").hidden = true;
  $("dashboard").hidden = false;
  $("logout").hidden = false;
  followAlerts();
  loadPage(null, 1);
  refreshAll();
  statsTimer = setInterval(refreshAll, STATS_REFRESH_MS);
  startRules(claims.role === "admin");
}

function setState(text, cls) {
  const el = $("stream-state");
  el.textContent = text;
  el.className = "state " + cls;
}

function followAlerts() {
  // EventSource cannot send headers: the token goes in the query, accepted on /alerts only.
  const since = lastAlertId ? "&since=" + encodeURIComponent(lastAlertId) : "";
  streamToken = token;
  source = new EventSource("/alerts?access_token=" + encodeURIComponent(token) + since);
  source.onopen = () => setState("live", "up");
  source.onerror = () => {
    if (source.readyState !== EventSource.CLOSED) {
      setState("reconnecting", "down");
      return;
    }
    // Refused with a status (too many streams, a restart, an expired token): EventSource gives up for good,
    // so try again later, resuming after the last alert shown. The stats refresh logs out on an expired token.
    setState("closed, retrying", "down");
    source.close();
    clearTimeout(streamRetry);
    streamRetry = setTimeout(() => { if (token) followAlerts(); }, STREAM_RETRY_MS);
  };
  source.addEventListener("alert", (e) => {
    lastAlertId = e.lastEventId;
    showAlert(JSON.parse(e.data));
  });
  source.addEventListener("restart", (e) => {
    // The alerts after our last one are past the topic's retention: the stream goes on live from here.
    lastAlertId = JSON.parse(e.data).lastEventId;
  });
  source.addEventListener("reauthenticate", () => {
    // The server ends a stream when its token expires, after the last alert it sent: carry on with the renewed
    // token from right after that alert, or, with none, ask for the password.
    source.close();
    if (token && token !== streamToken) {
      followAlerts();
    } else {
      endSession("Your session ended: log in again to carry on where you were.");
    }
  });
  source.addEventListener("reconnect", () => {
    // Dropped for being too slow: EventSource resumes from its Last-Event-ID by itself.
    setState("reconnecting", "down");
  });
}

function showAlert(alert) {
  alertCount += 1;
  $("alert-count").textContent = String(alertCount);
  const li = document.createElement("li");
  li.className = "alert";
  const time = new Date(alert.detectedAt).toLocaleTimeString();
  const number = document.createElement("span");
  number.className = "alert-number";
  number.textContent = "#" + alertCount;
  li.append(number, time + "  " + alert.Year + " " + alert.Make + " " + alert.Model + " (" + alert.Category + ")"
    + "  rules: " + alert.rules.map(ruleName).join(", "));
  if (alert.window) {
    // A windowed rule's alert: say what filled the window, and mark it on the timeline.
    li.classList.add("windowed");
    const w = alert.window;
    const what = document.createElement("span");
    what.className = "window";
    what.textContent = w.count + " within " + w.within + (w.group ? " (" + w.groupBy + " " + w.group + ")" : "");
    li.append(what);
    markWindow(alert, ruleName(w.rule) + ": " + what.textContent);
  }
  // When the alert was detected and when it was shown: the browser test reads them to time detection -> screen.
  li.dataset.detectedAt = alert.detectedAt;
  li.dataset.shownAt = String(Date.now());
  const list = $("alerts");
  list.insertBefore(li, list.firstChild);
  while (list.children.length > MAX_ALERTS_SHOWN) list.removeChild(list.lastChild);
}

function refreshAll() {
  refreshStats();
  refreshTimeline();
  if (pageNumber === 1) loadPage(null, 1).catch(() => {});
}

async function refreshStats() {
  try {
    const stats = await api("/stats");
    const max = Math.max(1, ...stats.data.map((d) => d.count));
    const total = stats.data.reduce((sum, d) => sum + d.count, 0);
    $("stats-total").textContent = total.toLocaleString() + " in all";
    const chart = $("chart");
    chart.replaceChildren(...stats.data.map((d) => {
      const row = document.createElement("div");
      row.className = "bar-row";
      const label = document.createElement("span");
      label.className = "bar-label";
      label.textContent = d.make;
      label.title = d.make;
      const track = document.createElement("span");
      track.className = "bar-track";
      const bar = document.createElement("span");
      bar.className = "bar";
      bar.style.width = (100 * d.count / max).toFixed(2) + "%";
      track.append(bar);
      const count = document.createElement("span");
      count.className = "bar-count";
      count.textContent = d.count.toLocaleString();
      row.append(label, track, count);
      return row;
    }));
  } catch (e) {
    $("stats-total").textContent = "(" + e.message + ")";
  }
}

async function loadPage(cursor, number) {
  const query = "/detections?order=desc&limit=" + PAGE_SIZE + (cursor ? "&after=" + encodeURIComponent(cursor) : "");
  const page = await api(query);
  pageNumber = number;
  nextCursor = page.next;
  $("detections").replaceChildren(...page.data.map((d) => {
    const tr = document.createElement("tr");
    for (const value of [new Date(d.detectedAt).toLocaleString(), d.Year, d.Make, d.Model, d.Category]) {
      const td = document.createElement("td");
      td.textContent = String(value);
      tr.appendChild(td);
    }
    return tr;
  }));
  $("page-info").textContent = "page " + pageNumber + (nextCursor ? "" : " (last)");
  $("next-page").disabled = !nextCursor;
}

$("login-form").addEventListener("submit", logIn);
$("logout").addEventListener("click", logOut);
$("first-page").addEventListener("click", () => loadPage(null, 1));
$("next-page").addEventListener("click", () => nextCursor && loadPage(nextCursor, pageNumber + 1));
if (token) start();
