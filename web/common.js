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

  // Follows a session's live stream (docs/api.md "Live updates"). An EventSource cannot send the bearer
  // header, so every connection starts with a single-use ticket (ticketUrl() asks for one with the
  // header); a broken stream is opened again with a new ticket and the last event id, so the server
  // replays what was missed, waiting longer after each failure (1 s, 2 s, … 30 s). onHealth(true) on
  // every "ready", onHealth(false) when the stream breaks: the page then asks for its state slowly.
  function follow(ticketUrl, types, onEvent, onHealth) {
    let source = null, lastId = "", delay = 1000, timer = null, stopped = false;
    function retry() {
      if (stopped || timer) return;
      timer = setTimeout(open, delay);
      delay = Math.min(delay * 2, 30000);
    }
    async function open() {
      timer = null;
      let url = null;
      try { url = await ticketUrl(); } catch (e) { url = null; }
      if (stopped) return;
      if (!url) { onHealth(false); retry(); return; }
      source = new EventSource(url + (lastId ? "&last_event_id=" + encodeURIComponent(lastId) : ""));
      for (const type of types.concat(["ready"])) {
        source.addEventListener(type, (ev) => {
          if (ev.lastEventId) lastId = ev.lastEventId;
          let data = {};
          try { data = JSON.parse(ev.data); } catch (e) { return; }
          if (type === "ready") { delay = 1000; onHealth(true); }
          onEvent(type, data);
        });
      }
      // The browser's own reconnect would reuse the spent ticket: take over with a new one instead.
      source.onerror = () => {
        source.close();
        source = null;
        onHealth(false);
        retry();
      };
    }
    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (source) source.close();
    };
  }

  // A measured CPU time, read as the terminal reads it (text::format_time_us in runner/src/text/units.cpp,
  // the rule's home): "0.42 ms" below 1 ms, "3.1 ms" below 10 ms, whole ms, then "12.3 s"; every digit
  // floored. Only time_ms (an older server): "<1 ms" for 0, all that is known.
  function cpuTime(r) {
    if (r.time_us == null) return r.time_ms === 0 ? "<1 ms" : wholeMs(r.time_ms);
    const us = r.time_us;
    if (us < 1000) return "0." + String(Math.floor(us / 10)).padStart(2, "0") + " ms";
    if (us < 10000) return Math.floor(us / 1000) + "." + Math.floor((us % 1000) / 100) + " ms";
    return wholeMs(Math.floor(us / 1000));
  }
  function wholeMs(ms) {
    return ms < 10000 ? ms + " ms" : Math.floor(ms / 1000) + "." + Math.floor((ms % 1000) / 100) + " s";
  }

  window.ProctorCommon = { el, clockTime, duration, verdictBadge, follow, cpuTime };
})();
