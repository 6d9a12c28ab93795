// Shared by the candidate's and the interviewer's pages: building elements (always as text, never as
// HTML: everything a candidate or an interviewer typed is escaped by construction), times with their
// zone, verdict badges.
"use strict";
(function () {
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "class") e.className = v; else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c != null && c !== false) e.append(c);
    return e;
  }

  // Times are shown in the viewer's own zone, named, with UTC beside: no one guesses an offset.
  function clockTime(ms) {
    const d = new Date(ms);
    const local = d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false, timeZoneName: "short" });
    const utc = d.toISOString().slice(11, 19) + " UTC";
    return local.endsWith("UTC") ? utc : local + " (" + utc + ")";
  }

  // "1:05:09" / "4:07": a duration as a countdown shows it.
  function duration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    return (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(sec).padStart(2, "0");
  }

  function verdictBadge(v) {
    return el("span", { class: "verdict " + (v === "AC" ? "AC" : "bad") }, v || "-");
  }

  window.ProctorCommon = { el, clockTime, duration, verdictBadge };
})();
