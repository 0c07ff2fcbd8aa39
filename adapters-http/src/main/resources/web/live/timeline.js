"use strict";
// Detections per minute over the last hour for the makes most seen in it, drawn as lines in SVG (no chart library:
// a few polylines need none). Counted by each detection's own time, from GET /stats?interval=minute. Windowed rules'
// alerts are marked as dashed vertical lines at their minute, with what filled the window as the line's title.
const TIMELINE_MAKES = 5;
const TIMELINE_MINUTES = 60;
const TIMELINE_COLORS = ["#3b7dd8", "#d8643b", "#2a9d5c", "#9b59b6", "#c9a227"];
const SVG_NS = "http://www.w3.org/2000/svg";
// Windowed rules' alerts seen on this page, newest last, marked on the timeline at their window's last detection.
const windowMarks = [];
const MAX_WINDOW_MARKS = 200;
const WIDTH = 600;
const HEIGHT = 160;

function svg(name, attributes) {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  return el;
}

function markWindow(alert, label) {
  windowMarks.push({ at: Date.parse(alert.window.last), rule: alert.window.rule, label });
  if (windowMarks.length > MAX_WINDOW_MARKS) windowMarks.shift();
}

async function refreshTimeline() {
  try {
    const top = await api("/stats/top?window=PT" + TIMELINE_MINUTES + "M&n=" + TIMELINE_MAKES);
    const series = await api("/stats?interval=minute");
    const from = Date.parse(series.from);
    const minutes = Math.round((Date.parse(series.to) - from) / 60000);
    const makes = top.data.map((d) => d.make);
    const counts = new Map(makes.map((m) => [m, new Array(minutes).fill(0)]));
    for (const row of series.data) {
      const perMinute = counts.get(row.make);
      if (perMinute) perMinute[Math.round((Date.parse(row.start) - from) / 60000)] = row.count;
    }
    const max = Math.max(1, ...[...counts.values()].flat());
    const x = (i) => (i + 0.5) * WIDTH / minutes;
    const y = (n) => HEIGHT - 4 - (HEIGHT - 20) * n / max;
    const chart = svg("svg", { viewBox: "0 0 " + WIDTH + " " + HEIGHT, preserveAspectRatio: "none", role: "img" });
    chart.append(svg("line", { x1: 0, y1: y(0), x2: WIDTH, y2: y(0), class: "axis" }));
    const legend = $("timeline-legend");
    legend.replaceChildren();
    makes.forEach((make, i) => {
      const points = counts.get(make).map((n, m) => x(m).toFixed(1) + "," + y(n).toFixed(1)).join(" ");
      const line = svg("polyline", { points, fill: "none", stroke: TIMELINE_COLORS[i], "stroke-width": 2 });
      line.dataset.make = make;
      chart.append(line);
      const item = document.createElement("span");
      item.className = "legend-item";
      item.style.borderColor = TIMELINE_COLORS[i];
      item.textContent = make + " " + top.data[i].count.toLocaleString();
      legend.append(item);
    });
    for (const mark of windowMarks) {
      const minute = (mark.at - from) / 60000;
      if (minute < 0 || minute >= minutes) continue;
      const line = svg("line", { x1: x(Math.floor(minute)), y1: 0, x2: x(Math.floor(minute)), y2: HEIGHT, class: "window-mark" });
      line.dataset.rule = mark.rule;
      const title = svg("title", {});
      title.textContent = mark.label;
      line.append(title);
      chart.append(line);
    }
    $("timeline").replaceChildren(chart);
    // The scale's top as text beside the title: text inside a stretched SVG would be stretched with it.
    $("timeline-range").textContent = new Date(from).toLocaleTimeString() + " – " + new Date(Date.parse(series.to)).toLocaleTimeString()
      + ", peak " + max.toLocaleString() + "/min";
  } catch (e) {
    $("timeline-range").textContent = "(" + e.message + ")";
  }
}
