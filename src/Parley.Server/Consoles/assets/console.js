// Parley's negotiation consoles: one page for the mediator, each delegation and observers.
// It reads and acts only through the server's JSON API and live channel, with the caller's token:
// it shows what the API gives this caller and nothing else. Values shown to a delegation are computed
// here from its own priorities (also while it edits them, before they are saved).
"use strict";

(() => {
  const id = decodeURIComponent(location.pathname.split("/").filter(Boolean)[1] || "");
  const token = new URLSearchParams(location.hash.slice(1)).get("token") || sessionStorage.getItem("parley.token." + id) || "";
  if (token) sessionStorage.setItem("parley.token." + id, token);
  const base = "/api/negotiations/" + encodeURIComponent(id);
  const $ = (sel) => document.querySelector(sel);
  const main = $("#main");

  const state = { view: null, analysis: null, twoLevel: null, editorFrom: null, declarations: -1, draft: null, editor: null, answers: {}, answersRound: 0, plot: null, issued: null, lastVersion: 0 };

  // ---------- small DOM helpers (text only: nothing the server sends is parsed as HTML) ----------
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "class") el.className = v;
      else if (k === "style") el.style.cssText = v;
      else if (v === true) el.setAttribute(k, "");
      else el.setAttribute(k, String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  const svgNs = "http://www.w3.org/2000/svg";
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(svgNs, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  }
  // A labelled form field: the label names the control (for="…"), the control stands beside it.
  function field(forId, label, ...control) {
    return h("div", { class: "field" }, h("label", { for: forId }, label), ...control);
  }
  let uid = 0;
  const nextId = (p) => `${p}-${++uid}`;
  const pct = (x) => Math.round(x * 100);
  // Option and issue names are identifiers ("joint-under-us"): shown as words, acronyms restored.
  const acronyms = { un: "UN", us: "US", eu: "EU", undof: "UNDOF", nato: "NATO", idf: "IDF", usa: "USA", uk: "UK" };
  const title = (name) => String(name).split("-").map((w) => acronyms[w] || w.charAt(0).toUpperCase() + w.slice(1)).join(" ");
  const human = title;

  function say(text, ok) {
    const m = $("#message");
    m.textContent = text;
    m.className = ok ? "message ok" : "message";
    m.hidden = !text;
    if (ok) setTimeout(() => { if (m.textContent === text) m.hidden = true; }, 4000);
  }

  // ---------- the API ----------
  async function api(method, path, body) {
    const init = { method, headers: { Authorization: "Bearer " + token } };
    if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    const res = await fetch(base + path, init);
    const type = res.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await res.json() : await res.text();
    if (!res.ok) throw new Error((data && data.title) || `the server answered ${res.status}`);
    return data;
  }
  // A form sent successfully is emptied (its draft is done with); a refused one keeps what was typed.
  async function act(method, path, body, done, form) {
    try {
      await api(method, path, body);
      if (form) form.reset();
      if (done) say(done, true);
      await reload();
    } catch (e) { say(e.message); }
  }

  // ---------- values ----------
  const issues = () => state.view.issues;
  const articleNo = (name) => issues().findIndex((i) => i.name === name) + 1;
  const clause = (issue, option) => (issue.clauses && issue.clauses[option]) || human(option);
  function profileValue(profile, text) {
    let v = 0;
    for (const i of issues()) if (text[i.name] !== undefined) v += (profile.weights[i.name] || 0) * ((profile.values[i.name] || {})[text[i.name]] || 0);
    return v;
  }
  function crossesRedLine(profile, text) {
    return (profile.redLines || []).some((r) => text[r.issue] === r.option);
  }
  function bestFor(profile, pick) {
    const t = {};
    for (const i of issues()) {
      const vals = profile.values[i.name] || {};
      let best = null;
      for (const o of i.options) if (best === null || pick(vals[o] || 0, vals[best] || 0)) best = o;
      t[i.name] = best;
    }
    return t;
  }
  function valueBar(v, label) {
    const w = Math.max(0, Math.min(1, v));
    return h("span", { class: "barbox", role: "img", "aria-label": label || `${pct(w)} out of 100` }, h("span", { class: "bar", style: `width:${(w * 100).toFixed(0)}%` }));
  }

  // The texts over time: each round's proposal, then the adopted and the agreed articles.
  function versions() {
    const list = [];
    for (const r of state.view.record) {
      if (r.event.type === "round-opened") list.push({ label: `Round ${r.event.round} proposal`, text: r.event.text, at: r.at, round: r.event.round });
    }
    return list;
  }
  function agreedArticles() {
    const agreed = {};
    for (const r of state.view.record) if (r.event.type === "agreement-recorded") Object.assign(agreed, r.event.articles);
    return agreed;
  }

  // A word-by-word comparison of two wordings: removed words struck through, added words marked.
  function wordDiff(before, after) {
    const a = String(before || "").split(/(\s+)/), b = String(after || "").split(/(\s+)/);
    const n = a.length, m = b.length;
    if (n * m > 250000) return [h("del", {}, before), " ", h("ins", {}, after)];
    const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const out = [];
    let i = 0, j = 0;
    const push = (kind, text) => { const last = out[out.length - 1]; if (last && last.kind === kind) last.text += text; else out.push({ kind, text }); };
    while (i < n && j < m) {
      if (a[i] === b[j]) { push("same", a[i]); i++; j++; } else if (lcs[i + 1][j] >= lcs[i][j + 1]) { push("del", a[i]); i++; } else { push("ins", b[j]); j++; }
    }
    while (i < n) push("del", a[i++]);
    while (j < m) push("ins", b[j++]);
    return out.map((p) => p.kind === "same" ? p.text : h(p.kind, {}, p.text));
  }

  // ---------- the record in plain words ----------
  function seatName(n) { return (state.view.seats[n] || {}).name || `seat ${n}`; }
  function authorName(a) {
    if (!a) return "someone";
    if (a.role === "mediator") return "The mediator";
    if (a.role === "observer") return "An observer";
    return state.view.seat === seatName(a.seat) ? "You" : seatName(a.seat);
  }
  function describe(r) {
    const e = r.event, mine = (seat) => state.view.seat === seatName(seat);
    switch (e.type) {
      case "created": return `The negotiation "${e.title}" was opened.`;
      case "invited": return `Invitation issued: ${e.label} (${e.role}).`;
      case "revoked": return "An invitation was revoked.";
      case "profile-declared":
        return mine(e.seat) ? `You updated your priorities (${e.sharedWithMediator ? "shared with the mediator" : "kept to yourselves"}).`
          : `${seatName(e.seat)} updated its priorities${e.weights ? " and shared them with you" : " (kept confidential)"}.`;
      case "observer-access": return "The mediator changed what observers may see.";
      case "comment": {
        const to = e.to === "everyone" ? "to everyone" : e.to === "mediator" ? "to the mediator" : `to ${seatName(e.toSeat)}`;
        return `${authorName(e.author)} wrote ${to}: “${e.text}”`;
      }
      case "amendment": return `${mine(e.seat) ? "You" : seatName(e.seat)} proposed for article ${articleNo(e.issue)} (${title(e.issue)}): ${human(e.option)}${e.rationale ? ` — “${e.rationale}”` : ""}`;
      case "shared": return `The mediator shared item ${e.sequence} with everyone.`;
      case "note": return `Private note: “${e.text}”`;
      case "round-opened": return `Round ${e.round} opened with a proposed text${e.deadline ? `, answers due by ${new Date(e.deadline).toLocaleString()}` : ""}.`;
      case "ballot": return `${mine(e.seat) ? "You" : seatName(e.seat)} ${e.yes ? "accepted" : "did not accept"} the text of round ${e.round}.`;
      case "articles-answered": {
        const yes = e.answers.filter((a) => a.accept).length;
        return `${mine(e.seat) ? "You" : seatName(e.seat)} answered round ${e.round} article by article: ${yes} of ${e.answers.length} accepted.`;
      }
      case "round-closed": return `Round ${e.round} closed (${e.reason === "all-voted" ? "everyone answered" : e.reason === "deadline" ? "deadline reached" : "closed by the mediator"}): ${e.yes} accepted, ${e.no} did not, ${e.missing} did not answer. ${e.adopted ? "The text is adopted." : "The text is not adopted as a whole."}`;
      case "agreement-recorded": return `The mediator recorded agreement on ${Object.keys(e.articles).map((k) => `article ${articleNo(k)} (${title(k)})`).join(", ")}.`;
      case "signing-opened": return "The mediator opened the text for signature.";
      case "signed": return `${mine(e.seat) ? "You" : seatName(e.seat)} ${e.yes ? "signed" : "declined to sign"}.`;
      case "clause-worded": return `The mediator reworded article ${articleNo(e.issue)} (${title(e.issue)}), option “${human(e.option)}”: “${e.text}”`;
      case "improvement-offered": return "The mediator offered the delegations a better version of the signed agreement.";
      case "improvement-answered": return `${mine(e.seat) ? "You" : seatName(e.seat)} ${e.yes ? "accepted" : "declined"} the better version of the agreement.`;
      case "improvement-concluded": return e.adopted ? "Every delegation accepted: the better version is now the signed agreement." : "A delegation declined: the agreement stands as signed.";
      case "seat-agent": return `The mediator gave ${mine(e.seat) ? "your" : seatName(e.seat) + "'s"} seat to a built-in agent (${e.agent}).`;
      case "closed": return e.agreement ? "The negotiation ended with a signed agreement." : `The negotiation was closed: ${e.reason}.`;
      default: return e.type;
    }
  }

  // ---------- sections shared by every console ----------
  function card(title, hint, wide, ...body) {
    const hid = nextId("h");
    return h("section", { class: wide ? "card wide" : "card", "aria-labelledby": hid }, h("h2", { id: hid }, title), hint ? h("p", { class: "hint" }, hint) : null, ...body);
  }

  function statusText(v) {
    return { preparing: "Preparing: no text has been put to the delegations yet", "round-open": `Round ${v.round && v.round.number} is open for answers`,
      "between-rounds": `Round ${v.round && v.round.number} is closed${v.role === "mediator" ? ": open the next one from the text editor" : ""}`, signing: "The text is open for signature", agreement: "Agreement signed", closed: "Closed" }[v.status] || v.status;
  }

  function textTable(text, previous, valueOf, answersOf) {
    const rows = issues().filter((i) => text[i.name] !== undefined).map((i) => {
      const changed = previous && previous[i.name] !== undefined && previous[i.name] !== text[i.name];
      return h("tr", { class: changed ? "changed" : null },
        h("td", {}, String(articleNo(i.name))),
        h("th", { scope: "row" }, title(i.name)),
        h("td", {}, changed ? [h("del", {}, clause(i, previous[i.name])), " ", h("ins", {}, clause(i, text[i.name]))] : clause(i, text[i.name])),
        valueOf ? h("td", {}, valueOf(i)) : null,
        answersOf ? h("td", {}, answersOf(i)) : null);
    });
    return h("div", { class: "scroll" }, h("table", {},
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "No."), h("th", { scope: "col" }, "Article"), h("th", { scope: "col" }, "Text"),
        valueOf ? h("th", { scope: "col" }, "Value to you") : null, answersOf ? h("th", { scope: "col" }, "Answers") : null)),
      h("tbody", {}, rows)));
  }

  function historyCard(profile) {
    const list = versions();
    const body = [];
    if (list.length === 0) body.push(h("p", {}, "No text has been proposed yet."));
    list.forEach((v, k) => {
      const prev = k > 0 ? list[k - 1].text : null;
      const changes = prev ? issues().filter((i) => prev[i.name] !== v.text[i.name]).length : null;
      body.push(h("details", { open: k === list.length - 1, "data-key": "version-" + v.round },
        h("summary", {}, `${v.label}${profile ? ` — value to you ${pct(profileValue(profile, v.text))} of 100` : ""}${changes !== null ? ` — ${changes} article${changes === 1 ? "" : "s"} changed` : ""}`),
        textTable(v.text, prev, null, null)));
    });
    if (profile && list.length > 0) body.unshift(valueOverVersions(profile, list));
    const reworded = state.view.record.filter((r) => r.event.type === "clause-worded");
    if (reworded.length) {
      body.push(h("h3", {}, "Changes to the wording of clauses"),
        h("ol", { class: "record" }, reworded.map((r) => h("li", {}, h("span", { class: "hint" }, new Date(r.at).toLocaleString() + " "),
          `Article ${articleNo(r.event.issue)} (${title(r.event.issue)}), option “${human(r.event.option)}”: `, h("span", { class: "clause" }, wordDiff(r.event.previous, r.event.text))))));
    }
    return card("History of the text", "Every version put to the delegations; changed articles are highlighted, old wording struck through.", true, ...body);
  }

  function valueOverVersions(profile, list) {
    const W = 520, H = 190, L = 40, B = 30, T = 30, R = 12;
    const n = list.length, x = (k) => L + (n === 1 ? (W - L - R) / 2 : (k * (W - L - R)) / (n - 1)), y = (v) => T + (1 - v) * (H - T - B);
    const pts = list.map((v, k) => [x(k), y(profileValue(profile, v.text))]);
    const reservation = y(profile.reservation);
    const today = state.view.today && state.view.today.value !== undefined && state.view.today.value !== null && state.view.role === "delegation" ? state.view.today.value : null;
    return s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": `Value to you of each version: ${list.map((v) => `${v.label} ${pct(profileValue(profile, v.text))}`).join(", ")}; walk-away value ${pct(profile.reservation)}` },
      s("title", {}, "Value to you of the text over its versions"),
      s("text", { x: 4, y: 14, "font-size": 12, fill: "#1b2430" }, "Value to you (0–100) of the text put to you in each round (R1 = round 1)"),
      s("line", { x1: L, y1: y(0), x2: W - R, y2: y(0), stroke: "#9aa6b5" }),
      [0, 0.5, 1].map((v) => s("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 11, fill: "#5b6675" }, String(pct(v)))),
      s("line", { x1: L, y1: reservation, x2: W - R, y2: reservation, stroke: "#b3261e", "stroke-dasharray": "5 4" }),
      s("text", { x: W - R, y: reservation - 4, "text-anchor": "end", "font-size": 11, fill: "#b3261e" }, "Your walk-away value"),
      today !== null && Math.abs(today - profile.reservation) > 0.02 ? [
        s("line", { x1: L, y1: y(today), x2: W - R, y2: y(today), stroke: "#8a5a00", "stroke-dasharray": "2 3" }),
        s("text", { x: L + 4, y: y(today) - 4, "font-size": 11, fill: "#8a5a00" }, "Today's situation, as you value it")] : null,
      s("polyline", { points: pts.map((p) => p.join(",")).join(" "), fill: "none", stroke: "#1f4e9c", "stroke-width": 2 }),
      pts.map((p, k) => [s("circle", { cx: p[0], cy: p[1], r: 4, fill: "#1f4e9c" }), s("text", { x: p[0], y: H - 10, "text-anchor": "middle", "font-size": 11, fill: "#5b6675" }, `R${list[k].round}`)]));
  }

  function recordCard() {
    const items = state.view.record.filter((r) => r.event.type !== "invited" || state.view.role === "mediator").slice().reverse()
      .map((r) => h("li", {}, h("span", { class: "hint" }, new Date(r.at).toLocaleTimeString() + " "), describe(r)));
    return card(state.view.role === "mediator" ? "Record" : "The record", state.view.role === "delegation"
      ? "What has happened, as far as your delegation may see it: public steps, and your own confidential ones." : "Everything that has happened, newest first.",
    false, h("ol", { class: "record", reversed: true }, items));
  }

  function commentForm(toOptions) {
    const tid = nextId("c"), sid = nextId("c");
    const text = h("textarea", { id: tid, name: "comment" });
    const to = h("select", { id: sid, name: "to" }, toOptions.map(([v, l]) => h("option", { value: v }, l)));
    return h("form", { onsubmit: (ev) => {
      ev.preventDefault();
      const [kind, seat] = to.value.split(":");
      if (!text.value.trim()) return say("Write a comment first.");
      act("POST", "/comments", { text: text.value, to: kind, seat: seat || null }, "Comment sent.", ev.target);
    } }, field(tid, "Comment", text), field(sid, "To", to), h("button", { type: "submit" }, "Send comment"));
  }

  function notesCard() {
    const nid = nextId("n");
    const text = h("textarea", { id: nid, name: "note" });
    const mine = state.view.record.filter((r) => r.event.type === "note").map((r) => h("li", {}, r.event.text));
    return card("Private notes", "Only you can read these: not the mediator, not the other side.", false,
      h("form", { onsubmit: (ev) => { ev.preventDefault(); if (!text.value.trim()) return say("Write a note first."); act("POST", "/notes", { text: text.value }, "Note kept.", ev.target); } },
        field(nid, "New note", text), h("button", { type: "submit" }, "Keep note")),
      mine.length ? h("ul", {}, mine) : h("p", { class: "hint" }, "No notes yet."));
  }

  async function download(path, name) {
    try {
      const res = await fetch(base + path, { headers: { Authorization: "Bearer " + token } });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      const blob = await res.blob();
      const a = h("a", { href: URL.createObjectURL(blob), download: name });
      document.body.append(a); a.click(); a.remove();
    } catch (e) { say(e.message); }
  }

  function exportCard() {
    return card("Export", "Download the text or the record as you may see it.", false,
      h("button", { type: "button", class: "secondary", onclick: () => download("/text.md", "negotiating-text.md") }, "The text (plain text)"),
      h("button", { type: "button", class: "secondary", onclick: () => download("/text.html", "negotiating-text.html") }, "The text (web page)"),
      h("button", { type: "button", class: "secondary", onclick: () => download("/export", "record.json") }, "The full record (data file)"));
  }

  function currentTextCard(profile) {
    const v = state.view, agreed = agreedArticles(), body = [];
    const valueOf = profile ? (i) => {
      const text = v.text || (v.round && v.round.candidate) || agreed;
      const val = (profile.values[i.name] || {})[text[i.name]] || 0;
      const red = (profile.redLines || []).some((r) => r.issue === i.name && r.option === text[i.name]);
      return [valueBar(val, `${pct(val)} out of 100 on this article`), h("span", { class: red ? "bad" : "" }, `${pct(val)}${red ? " — crosses your red line" : ""}`)];
    } : null;
    if (v.text) {
      body.push(h("p", {}, "Adopted text", profile ? [" — value to you: ", h("span", { class: "value" }, `${pct(profileValue(profile, v.text))} of 100`)] : ""));
      body.push(textTable(v.text, null, valueOf, null));
    }
    if (Object.keys(agreed).length) {
      body.push(h("h3", {}, "Articles agreed so far (partial agreement)"));
      body.push(textTable(agreed, null, valueOf, null));
    }
    if (!v.text && !Object.keys(agreed).length) body.push(h("p", {}, "No text has been adopted or agreed yet."));
    return card("The negotiating text", null, true, ...body);
  }

  // ---------- the delegation's console ----------
  function initDraft(profile) {
    const d = { points: {}, ratings: {}, red: new Set(), reservation: 0, share: false, today: {} };
    let total = 0;
    for (const i of issues()) { d.points[i.name] = profile ? Math.round((profile.weights[i.name] || 0) * 100) : Math.round(100 / issues().length); total += d.points[i.name]; }
    const first = issues()[0].name; d.points[first] += 100 - total;
    for (const i of issues()) {
      d.ratings[i.name] = {};
      i.options.forEach((o, k) => { d.ratings[i.name][o] = profile ? pct((profile.values[i.name] || {})[o] || 0) : Math.round(100 * (i.options.length - 1 - k) / (i.options.length - 1)); });
    }
    for (const r of (profile && profile.redLines) || []) d.red.add(r.issue + "\u0000" + r.option);
    d.reservation = profile ? pct(profile.reservation) : 0;
    for (const [issue, value] of Object.entries((profile && profile.statusQuoValues) || {})) d.today[issue] = pct(value);
    d.share = state.view.record.some((r) => r.event.type === "profile-declared" && r.event.sharedWithMediator);
    return d;
  }
  function draftProfile() {
    const d = state.draft, total = Object.values(d.points).reduce((a, b) => a + b, 0) || 1, p = { weights: {}, values: {}, redLines: [], reservation: d.reservation / 100 };
    for (const i of issues()) {
      p.weights[i.name] = d.points[i.name] / total;
      p.values[i.name] = {};
      for (const o of i.options) p.values[i.name][o] = d.ratings[i.name][o] / 100;
    }
    for (const key of d.red) { const [issue, option] = key.split("\u0000"); p.redLines.push({ issue, option }); }
    return p;
  }

  function prioritiesCard() {
    const d = state.draft;
    const sum = h("span", { class: "sum" });
    const todayLine = h("p", { class: "hint", id: "today-walk-away", "aria-live": "polite" });
    const feedback = h("div", { "aria-live": "polite" });
    const update = () => {
      const total = Object.values(d.points).reduce((a, b) => a + b, 0);
      sum.textContent = `Points given: ${total} of 100`;
      sum.className = total === 100 ? "sum" : "sum bad";
      feedback.replaceChildren(feedbackTable(draftProfile()));
      if (state.refreshToday) state.refreshToday();
      const t = draftToday();
      todayLine.replaceChildren(...(t === null ? [] : [`Today's situation, as you value it article by article, is worth ${pct(t)} of 100 to you. `,
        h("button", { type: "button", class: "secondary", onclick: () => { d.reservation = pct(t); reservation.value = d.reservation; update(); } }, "Use it as your walk-away value")]));
    };
    const rows = issues().map((i) => {
      const pid = nextId("p");
      const points = h("input", { id: pid, type: "number", min: 0, max: 100, step: 1, value: d.points[i.name], name: "points-" + i.name,
        oninput: () => { d.points[i.name] = Math.max(0, Math.min(100, Number(points.value) || 0)); slider.value = d.points[i.name]; update(); } });
      const slider = h("input", { type: "range", min: 0, max: 100, value: d.points[i.name], name: "weight-" + i.name, "aria-label": `Weight of ${human(i.name)} (drag)`,
        oninput: () => { d.points[i.name] = Number(slider.value); points.value = slider.value; update(); } });
      const options = i.options.map((o) => {
        const rid = nextId("r"), cid = nextId("x");
        const rating = h("input", { id: rid, type: "number", min: 0, max: 100, step: 5, value: d.ratings[i.name][o], name: `rating-${i.name}-${o}`,
          oninput: () => { d.ratings[i.name][o] = Math.max(0, Math.min(100, Number(rating.value) || 0)); update(); } });
        const red = h("input", { id: cid, type: "checkbox", checked: d.red.has(i.name + "\u0000" + o), name: `red-${i.name}-${o}`,
          onchange: () => { if (red.checked) d.red.add(i.name + "\u0000" + o); else d.red.delete(i.name + "\u0000" + o); update(); } });
        return h("tr", {}, h("td", {}, h("label", { for: rid }, clause(i, o))), h("td", {}, rating), h("td", {}, h("label", { class: "inline", for: cid }, red, "red line")));
      });
      return h("div", { class: "issue" }, h("div", { class: "issue-row" }, h("label", { for: pid }, `${articleNo(i.name)}. ${title(i.name)}`),
        h("span", {}, points, " points ", slider)),
      h("details", { "data-key": "rate-" + i.name }, h("summary", {}, `Rate the options of article ${articleNo(i.name)}`),
      h("p", { class: "hint" }, "Rate each option from 0 (worthless to you) to 100 (the best for you). Tick a red line for an option you can never accept."),
      h("div", { class: "scroll" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Option"), h("th", { scope: "col" }, "Rating (0–100)"), h("th", { scope: "col" }, "Red line"))), h("tbody", {}, options)))));
    });
    const resId = nextId("res"), shareId = nextId("share");
    const reservation = h("input", { id: resId, type: "number", min: 0, max: 100, step: 1, value: d.reservation, name: "reservation", oninput: () => { d.reservation = Math.max(0, Math.min(100, Number(reservation.value) || 0)); update(); } });
    const share = h("input", { id: shareId, type: "checkbox", checked: d.share, name: "share", onchange: () => { d.share = share.checked; } });
    const save = () => {
      const total = Object.values(d.points).reduce((a, b) => a + b, 0);
      if (total !== 100) return say(`Give exactly 100 points over the articles (now ${total}).`);
      const p = draftProfile();
      const statusQuoValues = Object.fromEntries(Object.entries(d.today).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, v / 100]));
      act("PUT", "/profile", { weights: p.weights, values: p.values, reservation: p.reservation, redLines: p.redLines, shareWithMediator: d.share, statusQuoValues }, "Your priorities are saved.");
    };
    state.savePriorities = save;
    update();
    state.refreshPriorities = update;
    return card("Your priorities (confidential)",
      "Step 1: share 100 points over the articles by how much each matters to you (or drag the sliders). Step 2: open an article and rate its options. Only your delegation sees this unless you choose to share it with the mediator; the other side never does.",
      false, sum, ...rows,
      field(resId, "Walk-away value: what no agreement (today's situation going on) is worth to you, 0–100", reservation), todayLine,
      h("label", { class: "inline", for: shareId }, share, "Share these priorities with the mediator (never with the other side)"),
      h("div", {}, h("button", { type: "button", onclick: save }, "Save priorities")),
      h("h3", {}, "What these priorities mean"), feedback);
  }

  // Today's situation (what holds if nothing is agreed), article by article: the scenario states it; the
  // delegation values each article itself, or leaves it at its rating of the option that holds today.
  function todayValueOf(issue) {
    const d = state.draft, t = state.view.today.articles.find((a) => a.issue === issue.name);
    if (d.today[issue.name] !== undefined && d.today[issue.name] !== null) return d.today[issue.name];
    return t && t.option ? d.ratings[issue.name][t.option] : null;
  }
  function draftToday() {
    if (!state.view.today) return null;
    const d = state.draft, total = Object.values(d.points).reduce((a, b) => a + b, 0) || 1;
    let v = 0;
    for (const i of issues()) { const x = todayValueOf(i); if (x === null) return null; v += (d.points[i.name] / total) * (x / 100); }
    return v;
  }
  function todayCard() {
    const t = state.view.today, d = state.draft;
    if (!t) return null;
    const when = t.date ? ` (${monthYear(t.date)})` : "";
    const whole = h("p", { "aria-live": "polite" });
    const updateWhole = () => {
      const v = draftToday();
      whole.replaceChildren(...(v === null
        ? [h("span", { class: "warn" }, "Give a value to every article with no agreed clause today to see what today's situation as a whole is worth to you.")]
        : ["Today's situation as a whole, weighed by your points: ", valueBar(v), h("span", { class: "value" }, `${pct(v)} of 100`), ` (your walk-away value: ${d.reservation})`]));
    };
    const rows = t.articles.map((a) => {
      const i = issues().find((x) => x.name === a.issue), vid = nextId("tv");
      const rated = a.option ? d.ratings[i.name][a.option] : null;
      const input = h("input", { id: vid, type: "number", min: 0, max: 100, step: 1, name: "today-" + i.name, value: d.today[i.name] ?? "", placeholder: rated === null ? "" : String(rated),
        oninput: () => { d.today[i.name] = input.value === "" ? null : Math.max(0, Math.min(100, Number(input.value) || 0)); updateWhole(); state.refreshPriorities && state.refreshPriorities(); } });
      return h("tr", {},
        h("td", {}, String(articleNo(i.name))),
        h("th", { scope: "row" }, title(i.name)),
        h("td", {}, a.option ? h("span", { class: "clause" }, a.clause || human(a.option)) : h("em", {}, "No agreed clause"), a.note ? h("p", { class: "hint" }, a.note) : null),
        h("td", {}, h("label", { class: "sr", for: vid }, `Value to you of today's situation on article ${articleNo(i.name)} (0–100)`), input,
          h("p", { class: "hint" }, rated === null ? "No agreed clause today: give your own value." : `Left empty, your rating of this clause counts (${rated}).`)));
    });
    updateWhole();
    state.refreshToday = updateWhole;
    return card(`Today's situation${when}, article by article`,
      "What holds on each article if nothing is agreed, and what each is worth to you (0 to 100). Confidential, like your priorities: saved with them, seen by the mediator only if you share them, never by the other side.",
      true, whole,
      h("div", { class: "scroll" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "No."), h("th", { scope: "col" }, "Article"), h("th", { scope: "col" }, "Today"), h("th", { scope: "col" }, "Value to you (0–100)"))), h("tbody", {}, rows))),
      h("button", { type: "button", onclick: () => state.savePriorities() }, "Save with your priorities"));
  }

  function feedbackTable(p) {
    const v = state.view, rows = [];
    const add = (label, text) => {
      if (!text) return;
      const val = profileValue(p, text), red = crossesRedLine(p, text);
      const verdict = red ? h("span", { class: "bad" }, "crosses a red line") : val >= p.reservation ? h("span", { class: "ok" }, "better than no agreement") : h("span", { class: "bad" }, "worse than no agreement");
      rows.push(h("tr", {}, h("th", { scope: "row" }, label), h("td", {}, valueBar(val), h("span", { class: "value" }, `${pct(val)}`)), h("td", {}, verdict)));
    };
    add("Your ideal text", bestFor(p, (a, b) => a > b));
    if (v.round && v.round.candidate) add(`The text proposed in round ${v.round.number}`, v.round.candidate);
    if (v.text) add("The adopted text", v.text);
    const agreed = agreedArticles();
    if (Object.keys(agreed).length) add("The agreed articles, your best elsewhere", Object.assign(bestFor(p, (a, b) => a > b), agreed));
    add("Your worst text", bestFor(p, (a, b) => a < b));
    const t = draftToday();
    if (t !== null) rows.push(h("tr", {}, h("th", { scope: "row" }, "Today's situation (no agreement), as you value it"), h("td", {}, valueBar(t), h("span", { class: "value" }, `${pct(t)}`)),
      h("td", {}, t > p.reservation ? h("span", { class: "warn" }, "above your walk-away value") : h("span", { class: "hint" }, "at or below your walk-away value"))));
    return h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Package"), h("th", { scope: "col" }, "Value to you (0–100)"), h("th", { scope: "col" }, "Compared with no agreement"))), h("tbody", {}, rows));
  }

  function roundCardForDelegation(profile) {
    const v = state.view, r = v.round;
    if (!r || !r.candidate) return card("This round", null, true, h("p", {}, "No text has been put to you yet. The mediator will open a round; it appears here at once."));
    if (state.answersRound !== r.number) {
      state.answersRound = r.number; state.answers = {};
      for (const rec of v.record) if (rec.event.type === "articles-answered" && rec.event.round === r.number) for (const a of rec.event.answers) state.answers[a.issue] = { accept: a.accept, comment: a.comment };
    }
    const total = profile ? profileValue(profile, r.candidate) : null;
    const articles = issues().map((i) => {
      const opt = r.candidate[i.name], val = profile ? ((profile.values[i.name] || {})[opt] || 0) : null;
      const a = state.answers[i.name] || (state.answers[i.name] = { accept: null, comment: "" });
      const name = "answer-" + i.name, yes = nextId("y"), no = nextId("n"), com = nextId("cm");
      const red = profile && (profile.redLines || []).some((x) => x.issue === i.name && x.option === opt);
      return h("div", { class: "article" },
        h("h3", {}, `Article ${articleNo(i.name)}: ${title(i.name)}`),
        h("p", { class: "clause" }, clause(i, opt)),
        profile ? h("p", {}, "Value to you on this article: ", valueBar(val), h("span", { class: "value" }, `${pct(val)} of 100`), red ? h("span", { class: "bad" }, " — crosses your red line") : "") : null,
        // Once the round is closed, the answers given are shown as words, not as a form nobody can use.
        !r.open ? h("p", {}, "Your answer: ", a.accept === true ? h("span", { class: "ok" }, "accepted") : a.accept === false ? h("span", { class: "bad" }, "rejected") : h("span", { class: "hint" }, "none given"),
          a.comment ? ` — “${a.comment}”` : "") : [
          h("fieldset", { class: "inline" }, h("legend", { class: "hint" }, `Your answer to article ${articleNo(i.name)}`),
            h("label", { class: "inline", for: yes }, h("input", { type: "radio", id: yes, name, value: "accept", checked: a.accept === true, onchange: () => { a.accept = true; } }), "Accept"),
            h("label", { class: "inline", for: no }, h("input", { type: "radio", id: no, name, value: "reject", checked: a.accept === false, onchange: () => { a.accept = false; } }), "Reject")),
          field(com, "Comment on this article (seen by the mediator)", h("textarea", { id: com, name: "article-comment-" + i.name, oninput: (ev) => { a.comment = ev.target.value; } }, a.comment))]);
    });
    const accepted = issues().filter((i) => state.answers[i.name] && state.answers[i.name].accept === true).length;
    const send = () => {
      const answers = issues().map((i) => ({ issue: i.name, accept: state.answers[i.name].accept, comment: state.answers[i.name].comment || "" }));
      const missing = answers.filter((x) => x.accept === null).map((x) => articleNo(x.issue));
      if (missing.length) return say(`Answer every article first (missing: ${missing.join(", ")}).`);
      (async () => {
        try {
          await api("POST", "/answers", { answers });
          if (r.myBallot === null || r.myBallot === undefined) await api("POST", "/votes", { yes: answers.every((x) => x.accept) });
          say("Your answers are sent to the mediator.", true);
          await reload();
        } catch (e) { say(e.message); }
      })();
    };
    const answered = r.myBallot !== null && r.myBallot !== undefined;
    return card(`Round ${r.number}: the proposed text`, r.open ? `Answer article by article. Your answers go to the mediator only.${r.deadline ? ` Answers due by ${new Date(r.deadline).toLocaleString()}.` : ""}` : "This round is closed: the text and your answers, as you gave them to the mediator.", true,
      profile ? h("p", {}, "Value to you of the whole proposed text: ", valueBar(total), h("span", { class: "value" }, `${pct(total)} of 100`), total >= profile.reservation ? h("span", { class: "ok" }, " (better than no agreement)") : h("span", { class: "bad" }, " (worse than no agreement)"),
        v.today && v.today.value !== null && v.today.value !== undefined ? h("span", { class: "hint" }, ` — today's situation, as you value it: ${pct(v.today.value)}`) : null) : null,
      answered ? h("p", { class: "ok" }, `You have answered this round: you accepted ${accepted} of ${issues().length} articles${r.myBallot ? ", so the whole text" : ", so not the whole text"}.${r.open ? " You may still refine your article answers while it is open." : ""}`) : null,
      ...articles,
      r.open ? h("button", { type: "button", onclick: send }, "Send our answers") : null);
  }

  function amendCard() {
    const iid = nextId("am"), oid = nextId("am"), rid = nextId("am");
    const issue = h("select", { id: iid, name: "amend-issue", onchange: () => fill() }, issues().map((i) => h("option", { value: i.name }, `${articleNo(i.name)}. ${title(i.name)}`)));
    const option = h("select", { id: oid, name: "amend-option" });
    const fill = () => { const i = issues().find((x) => x.name === issue.value); option.replaceChildren(...i.options.map((o) => h("option", { value: o }, human(o)))); };
    fill();
    const why = h("textarea", { id: rid, name: "amend-rationale" });
    return card("Propose an amendment", "Ask the mediator to change one article. The mediator decides whether to share it with the other side.", false,
      h("form", { onsubmit: (ev) => { ev.preventDefault(); act("POST", "/amendments", { issue: issue.value, option: option.value, rationale: why.value }, "Amendment sent to the mediator.", ev.target); } },
        field(iid, "Article", issue), field(oid, "Proposed wording", option),
        field(rid, "Why", why), h("button", { type: "submit" }, "Send amendment")));
  }

  function signingCard() {
    const r = state.view.round;
    if (!r || !r.signingOpen) return null;
    if (r.signingArticle) {
      // After a declined signature the engine asks article by article: say so, so that nobody thinks the whole text is being signed.
      const issue = issues().find((i) => i.name === r.signingArticle);
      const wording = issue && r.signingText ? clause(issue, r.signingText[r.signingArticle]) : "";
      return card(`Signature: article ${articleNo(r.signingArticle)} only`,
        "Not every delegation signed the whole text, so the mediator now asks for signatures one article at a time. Signing here agrees to this article alone; each other article is asked for separately.", true,
        h("p", { id: "signing-article" }, h("strong", {}, `${articleNo(r.signingArticle)}. ${title(r.signingArticle)}: `), wording),
        h("button", { type: "button", onclick: () => act("POST", "/signatures", { yes: true }, "You signed this article.") }, "Sign this article"),
        h("button", { type: "button", class: "secondary", onclick: () => act("POST", "/signatures", { yes: false }, "You declined this article.") }, "Decline this article"));
    }
    return card("Signature", "The mediator has opened the adopted text for signature.", true,
      h("button", { type: "button", onclick: () => act("POST", "/signatures", { yes: true }, "Signed.") }, "Sign the text"),
      h("button", { type: "button", class: "secondary", onclick: () => act("POST", "/signatures", { yes: false }, "You declined to sign.") }, "Decline to sign"));
  }

  function renderDelegation() {
    const v = state.view;
    const profile = v.profiles.find((p) => p.seat === v.seat) || null;
    if (!state.draft) state.draft = initDraft(profile);
    main.replaceChildren(
      roundCardForDelegation(profile),
      prioritiesCard(),
      todayCard(),
      h("div", {}, currentTextCard(profile)),
      amendCard(),
      card("Comments", "Write to everyone at the table, or only to the mediator.", false, commentForm([["everyone", "Everyone"], ["mediator", "The mediator only"]])),
      notesCard(),
      historyCard(profile),
      recordCard(),
      exportCard());
    const sc = signingCard(); if (sc) main.prepend(sc);
    const better = betterDealCardForDelegation(); if (better) main.prepend(better);
  }

  // ---------- after signature: a better deal for everyone? (post-settlement) ----------
  // The server computes the better text from the priorities each delegation declared; a delegation is
  // shown only its own gain, the mediator only the gains of the delegations that shared their priorities.
  function betterDealTitle() { return state.view.seats.length === 2 ? "A better deal for both of you?" : "A better deal for everyone?"; }
  const outOf100 = (x) => { const v = Math.round(Math.abs(x) * 1000) / 10; return `${v >= 10 ? Math.round(v) : v}`; };
  function betterDealTable(ps) {
    const rows = issues().filter((i) => ps.proposal[i.name] !== undefined).map((i) => {
      const changed = ps.changes.includes(i.name);
      return h("tr", { class: changed ? "changed" : null },
        h("td", {}, String(articleNo(i.name))),
        h("th", { scope: "row" }, title(i.name)),
        h("td", {}, changed ? h("del", {}, clause(i, ps.signed[i.name])) : clause(i, ps.signed[i.name])),
        h("td", {}, changed ? h("ins", {}, clause(i, ps.proposal[i.name])) : h("span", { class: "hint" }, "unchanged")));
    });
    return h("div", { class: "scroll" }, h("table", { id: "better-deal-text" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "No."), h("th", { scope: "col" }, "Article"), h("th", { scope: "col" }, "As signed"), h("th", { scope: "col" }, "Better version"))),
      h("tbody", {}, rows)));
  }
  function betterDealOutcome(ps) {
    if (ps.status === "adopted") return h("p", { class: "ok", id: "better-deal-outcome" }, "Every delegation accepted: the better version is now the signed agreement.");
    if (ps.status === "declined") return h("p", { id: "better-deal-outcome" }, "A delegation said no, so the agreement stands exactly as it was signed. Nothing else changes.");
    return null;
  }
  function betterDealCardForMediator() {
    const ps = state.view.postSettlement;
    if (!ps) return null;
    const body = [];
    if (ps.status === "none") {
      body.push(h("p", { id: "better-deal-none" }, `No better version to offer: ${ps.note}.`));
      return card("After signature: a better deal for everyone?", null, true, ...body);
    }
    body.push(h("p", {}, "From the priorities each delegation declared, this version of the signed agreement leaves every side at least as well off, and at least one side better off. Nobody can lose by it: if any delegation says no, the agreement stands as signed."));
    body.push(betterDealTable(ps));
    const shared = Object.entries(ps.gains || {});
    body.push(h("ul", {}, state.view.seats.map((seat) => {
      const g = (ps.gains || {})[seat.name];
      const answer = ps.answers ? ps.answers[seat.name] : null;
      return h("li", {}, `${seat.name}: `, g !== undefined ? `gains ${outOf100(g)} on the 0–100 scale of its priorities` : h("span", { class: "hint" }, "kept its priorities to itself, so only it sees its gain"),
        ps.status !== "available" ? [" — ", answer === true ? h("span", { class: "tag ok" }, "accepted") : answer === false ? h("span", { class: "tag bad" }, "declined") : h("span", { class: "tag warn" }, "not answered yet")] : null);
    })));
    if (ps.note) body.push(h("p", { class: "hint" }, ps.note + "."));
    if (ps.status === "available") body.push(h("button", { type: "button", onclick: () => act("POST", "/post-settlement/offer", undefined, "The better version is offered: each delegation sees it now.") }, "Offer this better version to the delegations"),
      h("p", { class: "hint" }, shared.length < state.view.seats.length ? "Each delegation will see the text and what it gains by its own priorities, never another side's." : "Each delegation will see the text and its own gain only."));
    if (ps.status === "offered") body.push(h("p", {}, `Offered: ${ps.answered} of ${state.view.seats.length} delegations have answered.`));
    body.push(betterDealOutcome(ps));
    return card("After signature: a better deal for everyone?", null, true, ...body);
  }
  function betterDealCardForDelegation() {
    const ps = state.view.postSettlement;
    if (!ps || !ps.proposal) return null;
    const body = [];
    body.push(h("p", {}, "You have signed an agreement. The mediator proposes to change it as shown below. Judged by the priorities you declared, the change is worth ",
      h("strong", { id: "better-deal-gain" }, `${outOf100(ps.myGain || 0)} more to you`), " (on the 0–100 scale of your priorities). Judged by their own priorities, which you do not see, every other delegation gains too or loses nothing."));
    body.push(h("p", {}, "If every delegation accepts, this version replaces the signed agreement. If any delegation says no, the agreement stays exactly as signed."));
    body.push(betterDealTable(ps));
    if (ps.status === "offered" && (ps.myAnswer === null || ps.myAnswer === undefined)) {
      body.push(h("button", { type: "button", onclick: () => act("POST", "/post-settlement/answers", { yes: true }, "You accepted the better version.") }, "Accept the better version"),
        h("button", { type: "button", class: "secondary", onclick: () => act("POST", "/post-settlement/answers", { yes: false }, "You kept the agreement as signed.") }, "No, keep the agreement as signed"));
    } else if (ps.status === "offered") {
      body.push(h("p", { id: "better-deal-waiting" }, `You ${ps.myAnswer ? "accepted" : "declined"}. Waiting for the other ${state.view.seats.length === 2 ? "delegation" : "delegations"} (${ps.answered} of ${state.view.seats.length} have answered).`));
    }
    body.push(betterDealOutcome(ps));
    return card(betterDealTitle(), null, true, ...body);
  }

  // An observer sees the offer and how it ends (the record's public part), never a delegation's gain or answer,
  // nor who has answered so far (each answer is confidential, like a ballot).
  function betterDealCardForObserver() {
    const ps = state.view.postSettlement;
    if (!ps || !ps.proposal) return null;
    const body = [];
    body.push(h("p", {}, "After the agreement was signed, the mediator offered the delegations the version below. Judged by the priorities each delegation declared to the mediator, it leaves every side at least as well off as the signed text, and at least one side better off. If every delegation accepts, it replaces the signed agreement; if any says no, the agreement stands as signed."));
    body.push(betterDealTable(ps));
    if (ps.status === "offered") body.push(h("p", { id: "better-deal-answered" }, "Waiting for every delegation's answer (answers are confidential until the end)."));
    body.push(betterDealOutcome(ps));
    return card("After signature: a better deal for everyone?", null, true, ...body);
  }

  // ---------- the mediator's console ----------
  // Plain words for the analysis: a diplomat reads "value to Israel", "chance the Knesset approves",
  // "today's situation", never "utility", "P(ratified)" or "status quo outcome".
  const tl = () => (state.twoLevel && state.twoLevel.issues ? state.twoLevel : null);
  const share = (x) => `${pct(x)}\u00a0%`;
  const points = (x) => { const v = Math.round(Math.abs(x) * 1000) / 10; return `${x < 0 ? "−" : "+"}${v >= 10 ? Math.round(v) : v}`; };
  function today(issueName) {
    const t = tl();
    return t ? t.issues.find((x) => x.issue === issueName) || null : null;
  }
  function todayText(issue) {
    const t = today(issue.name);
    if (!t) return null;
    return t.statusQuo ? human(t.statusQuo) : "no agreed clause";
  }
  function redLineCrossed(p, text) {
    const r = (p.redLines || []).find((x) => text[x.issue] === x.option);
    return r ? `crosses ${p.seat}'s red line on article ${articleNo(r.issue)}` : null;
  }
  function homeFront(party) {
    const t = tl();
    const names = t ? t.ratifiers.filter((r) => r.party === party).map((r) => r.name) : [];
    return names.length ? names.join(" and ") : null;
  }
  function packageName(label) {
    if (label === "ratification-nash") return ["Balanced, with approval at home in view", "The best balance of gains over today for both sides, counting how likely each side's home front is to approve it."];
    if (label === "nash") return ["Balanced at the table", "The best balance of gains over today for both sides at the table, leaving approval at home aside."];
    if (label.startsWith("ratifiable-best-for-")) { const who = label.slice("ratifiable-best-for-".length); return [`Best for ${who} that both home fronts would likely approve`, `Of the texts both sides' home fronts would more likely than not approve, the one ${who} values most.`]; }
    if (label === "early-harvest") return ["Early harvest only", "Only the changes every side gains from now; every other article stays as today."];
    return [human(label), ""];
  }

  function gapCard() {
    const a = state.analysis, v = state.view, t = tl();
    if (!a) return card("Gap view", null, true, h("p", {}, "Loading the analysis…"));
    const known = a.profilesUsed || [];
    const body = [];
    body.push(h("p", { class: "hint" }, known.length >= 2
      ? `Built from what you know of ${known.join(" and ")}${(a.profilesMissing || []).length ? `; not ${a.profilesMissing.join(", ")}` : ""}: your model of each side, or the priorities a delegation shared with you.`
      : a.note || "Not enough is known to analyse."));
    if (t && t.zone) {
      body.push(h("p", {}, `Of the ${t.zone.feasible.toLocaleString("en")} possible texts that break no side's red line and no linkage rule, `,
        h("strong", {}, `${t.zone.acceptable.toLocaleString("en")} are better than today for both sides`),
        `; ${t.zone.ratifiable.toLocaleString("en")} of those would more likely than not also be approved at home by both (${t.parties.map((p) => homeFront(p) ? `${p}: ${homeFront(p)}` : null).filter(Boolean).join("; ")}).`));
    }
    if (t && t.robustness) body.push(h("p", { class: "hint" }, `Many of the model's numbers are estimates. Across ${t.robustness.draws.toLocaleString("en")} variations of them within their stated ranges, no text is better than today for both sides in ${share(t.robustness.pZoneEmpty)} of cases.`));
    if (state.twoLevel && state.twoLevel.error) body.push(h("p", { class: "hint" }, `Today's situation and approval at home: ${state.twoLevel.error}.`));
    if (state.twoLevel && state.twoLevel.loading) body.push(h("p", { class: "hint" }, "Working out today's situation, the early harvest and the chances of approval at home…"));
    const profiles = Object.fromEntries(v.profiles.map((p) => [p.seat, p]));
    const rows = (a.issues || []).map((gi) => {
      const issue = issues().find((i) => i.name === gi.issue);
      const zone = gi.zoneOfAgreement || [];
      const reds = known.flatMap((seat) => ((profiles[seat] || {}).redLines || []).filter((r) => r.issue === gi.issue).map((r) => `${seat}: never “${human(r.option)}”`));
      const now = today(gi.issue);
      return h("tr", {},
        h("th", { scope: "row" }, `${articleNo(gi.issue)}. ${title(gi.issue)}`),
        known.map((seat) => h("td", { title: clause(issue, gi.preferred[seat]) }, human(gi.preferred[seat]))),
        t ? h("td", { title: now && now.note ? now.note : null }, now && now.statusQuo ? human(now.statusQuo) : h("span", { class: "hint" }, "no agreed clause")) : null,
        h("td", {}, reds.length ? reds.join("; ") : h("span", { class: "hint" }, "none declared")),
        h("td", {}, zone.length ? zone.map((o) => h("span", { class: "tag ok", title: clause(issue, o) }, human(o))) : h("span", { class: "tag bad" }, "no option both accept: blocking")));
    });
    body.push(gapChart(a, known));
    body.push(h("div", { class: "scroll" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Article"), known.map((s2) => h("th", { scope: "col" }, `${s2} wants`)),
      t ? h("th", { scope: "col" }, `Today${t.statusQuoDate ? ` (${monthYear(t.statusQuoDate)})` : ""}`) : null,
      h("th", { scope: "col" }, "Red lines"), h("th", { scope: "col" }, "Options both sides could accept"))), h("tbody", {}, rows))));
    if (t && t.issues.some((x) => x.note)) {
      body.push(h("details", { "data-key": "gap-today" }, h("summary", {}, `What holds today, article by article${t.statusQuoDate ? ` (${monthYear(t.statusQuoDate)})` : ""}`),
        h("dl", { class: "today" }, t.issues.filter((x) => x.note).map((x) => [h("dt", {}, `${articleNo(x.issue)}. ${title(x.issue)}: ${x.statusQuo ? human(x.statusQuo) : "no agreed clause"}`), h("dd", {}, x.note)])),
        h("p", { class: "hint" }, "Each statement's sources are in the scenario file.")));
    }
    return card("Gap view", "Where each side stands on each article, what holds today if nothing is agreed, and where the sides could meet.", true, ...body);
  }
  function monthYear(date) {
    const m = /^(\d{4})-(\d{2})/.exec(date || "");
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toLocaleDateString("en", { month: "long", year: "numeric", timeZone: "UTC" }) : date;
  }

  // Per article, where each side stands among the options (in the order listed), today's situation, and the options both could accept.
  function gapChart(a, known) {
    if (known.length < 2) return null;
    const rows = a.issues || [], W = 840, rowH = 24, L = 200, T = 22, H = T + rows.length * rowH + 24, colors = ["#1f4e9c", "#b35c00", "#2ca02c"];
    const items = rows.map((gi, k) => {
      const issue = issues().find((i) => i.name === gi.issue), n = issue.options.length, y = T + k * rowH + rowH / 2;
      const xOf = (o) => L + (issue.options.indexOf(o) / Math.max(1, n - 1)) * (W - L - 30);
      const zone = (gi.zoneOfAgreement || []).map(xOf);
      const now = today(gi.issue);
      return [s("text", { x: L - 8, y: y + 4, "text-anchor": "end", "font-size": 12 }, `${articleNo(gi.issue)}. ${title(gi.issue)}`),
        s("line", { x1: L, y1: y, x2: W - 30, y2: y, stroke: "#d5dbe3", "stroke-width": 6, "stroke-linecap": "round" }),
        zone.map((x) => s("rect", { x: x - 7, y: y - 9, width: 14, height: 18, fill: "#bfe3c9", rx: 3 })),
        now && now.statusQuo ? s("rect", { x: xOf(now.statusQuo) - 5, y: y - 5, width: 10, height: 10, fill: "none", stroke: "#1b2430", "stroke-width": 2, transform: `rotate(45 ${xOf(now.statusQuo)} ${y})` }, s("title", {}, `Today: ${human(now.statusQuo)}`)) : null,
        known.map((seat, j) => s("circle", { cx: xOf(gi.preferred[seat]), cy: y + (j - (known.length - 1) / 2) * 5, r: 5, fill: colors[j % 3] }, s("title", {}, `${seat}: ${human(gi.preferred[seat])}`))),
        zone.length === 0 ? s("text", { x: W - 24, y: y + 4, "font-size": 11, fill: "#b3261e" }, "✕") : null];
    });
    const ends = s("g", {}, s("text", { x: L, y: T - 6, "font-size": 11, fill: "#5b6675" }, "← first option listed"), s("text", { x: W - 30, y: T - 6, "font-size": 11, fill: "#5b6675", "text-anchor": "end" }, "last option listed →"));
    const legend = known.map((seat, j) => [s("circle", { cx: L + j * 120, cy: H - 10, r: 5, fill: colors[j % 3] }), s("text", { x: L + 10 + j * 120, y: H - 6, "font-size": 12 }, `${seat} wants`)]);
    const x0 = L + known.length * 120;
    return s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": "Gap chart: for each article, the options from one end to the other, where each side stands, today's situation (diamond), and the options both could accept (green)." },
      s("title", {}, "Gap chart"), ends, items, legend,
      tl() ? [s("rect", { x: x0 - 4, y: H - 14, width: 8, height: 8, fill: "none", stroke: "#1b2430", "stroke-width": 2, transform: `rotate(45 ${x0} ${H - 10})` }), s("text", { x: x0 + 10, y: H - 6, "font-size": 12 }, "today")] : null,
      s("rect", { x: x0 + 60, y: H - 18, width: 14, height: 14, fill: "#bfe3c9" }), s("text", { x: x0 + 80, y: H - 6, "font-size": 12 }, "both could accept"),
      s("text", { x: x0 + 200, y: H - 6, "font-size": 12, fill: "#b3261e" }, "✕ blocking: none both accept"));
  }

  function adopt(text, what) {
    const kept = [];
    const next = { ...state.editor };
    for (const i of issues()) {
      if (text[i.name]) next[i.name] = text[i.name];
      else if (text[i.name] === null) {
        const now = today(i.name);
        if (now && now.statusQuo) next[i.name] = now.statusQuo; else kept.push(articleNo(i.name));
      }
    }
    state.editor = next;
    state.editorFrom = what;
    render();
    document.getElementById("editor-card").scrollIntoView();
    say(`${what} is in the text editor${kept.length ? `; article${kept.length === 1 ? "" : "s"} ${kept.join(", ")} ha${kept.length === 1 ? "s" : "ve"} no agreed clause today and keep${kept.length === 1 ? "s" : ""} the editor's wording` : ""}: review it, then open a round.`, true);
  }

  function harvestCard() {
    const t = tl();
    if (!t) return null;
    const ratifying = t.parties.filter((p) => homeFront(p));
    const row = (hv) => {
      const changed = Object.entries(hv.changes);
      const robust = changed.length === 1 ? today(changed[0][0]) : null;
      return h("tr", {},
        h("th", { scope: "row" }, changed.map(([name, option]) => {
          const issue = issues().find((i) => i.name === name);
          return h("div", {}, `Article ${articleNo(name)}, ${title(name)}: `, h("span", { class: "hint" }, `${todayText(issue)} → `), h("strong", {}, human(option)),
            h("p", { class: "hint clause" }, clause(issue, option)));
        })),
        t.parties.map((p) => h("td", {}, h("span", { class: "ok" }, points(hv.gains[p])))),
        ratifying.length ? h("td", {}, ratifying.map((p) => h("div", {}, `${p}: ${share(hv.pRatified[p])}`))) : null,
        t.robustness ? h("td", {}, robust && robust.earlyHarvestShare !== undefined && robust.earlyHarvestShare !== null ? share(robust.earlyHarvestShare) : h("span", { class: "hint" }, "—")) : null,
        h("td", {}, h("button", { type: "button", class: "secondary", onclick: () => adopt(Object.fromEntries(changed), changed.length === 1 ? `The change to article ${articleNo(changed[0][0])}` : `The trade on articles ${changed.map(([n]) => articleNo(n)).join(" and ")}`) }, "Adopt into the text editor")));
    };
    const table = (list) => h("div", { class: "scroll" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Change from today"), t.parties.map((p) => h("th", { scope: "col" }, `${p} gains`)),
      ratifying.length ? h("th", { scope: "col" }, "Chance approved at home") : null, t.robustness ? h("th", { scope: "col" }, "Still a gain for both when the estimates vary") : null, h("th", { scope: "col" }, "Action"))),
    h("tbody", {}, list.map(row))));
    const singles = t.earlyHarvest.filter((hv) => Object.keys(hv.changes).length === 1), pairs = t.earlyHarvest.filter((hv) => Object.keys(hv.changes).length > 1);
    return card("Early harvest: steps both sides gain from now", `Changes to today's situation${t.statusQuoDate ? ` (${monthYear(t.statusQuoDate)})` : ""} that every side prefers to today, by the priorities you know: each could be agreed on its own, before the hard articles. Gains are in points out of 100; largest shared gain first.${ratifying.length ? ` “Chance approved at home”: how likely ${ratifying.map((p) => `${p}'s ${homeFront(p)}`).join(" and ")} are to approve the change.` : ""}`, true,
      singles.length ? table(singles) : h("p", {}, "No change to a single article is a gain for every side."),
      pairs.length ? h("details", { "data-key": "harvest-pairs" }, h("summary", {}, `${pairs.length} trades of two articles that are a gain for both, although neither change is on its own`), table(pairs)) : null);
  }

  const sameText = (x, y) => issues().every((i) => (x[i.name] || null) === (y[i.name] || null));
  function packagesCard() {
    const a = state.analysis, v = state.view, t = tl();
    if (!a) return null;
    const profiles = v.profiles;
    const agreed = agreedArticles();
    const rows = [];
    const againstAgreed = (text) => {
      if (!Object.keys(agreed).length) return null;
      const differ = issues().filter((i) => agreed[i.name] && text[i.name] && agreed[i.name] !== text[i.name]).map((i) => articleNo(i.name));
      return differ.length ? `Differs from the agreed article${differ.length === 1 ? "" : "s"} ${differ.join(", ")}.` : "Keeps the articles agreed so far.";
    };
    if (t) {
      for (const p of t.packages) {
        const [name, why] = packageName(p.label);
        const open = issues().filter((i) => p.text[i.name] === null || p.text[i.name] === undefined).length;
        const start = a.suggestedDraft && sameText(p.text, a.suggestedDraft) ? " The editor started from this text." : "";
        rows.push(h("tr", {},
          h("th", { scope: "row" }, name, h("p", { class: "hint" }, why, open ? ` ${open} article${open === 1 ? " stays" : "s stay"} as today.` : "", start), againstAgreed(p.text) ? h("p", { class: "hint" }, againstAgreed(p.text)) : null),
          t.parties.map((party) => h("td", {}, h("span", { class: "value" }, String(pct(p.utilities[party]))), h("br"), h("span", { class: p.gains[party] >= 0 ? "ok" : "bad" }, `${points(p.gains[party])} over today`))),
          h("td", {}, t.parties.map((party) => homeFront(party) ? h("div", {}, `${party}: `, h("strong", {}, share(p.pRatified[party])),
            Object.keys(p.approval[party] || {}).length > 1 ? h("span", { class: "hint" }, ` (${Object.entries(p.approval[party]).map(([r, x]) => `${r} ${share(x)}`).join(", ")})`) : null) : null),
            (Object.entries(p.blockers || {}).filter(([, b]) => b.length).map(([party, b]) => h("div", { class: "bad" }, `Likely to block: ${party}'s ${b.join(" and ")}`)))),
          h("td", {}, p.robustness ? [h("div", {}, `Both accept it: ${share(p.robustness.pAcceptable)}`), h("div", {}, `…and both home fronts approve: ${share(p.robustness.pRatified)}`), h("div", { class: "hint" }, `The best balance: ${share(p.robustness.pNash)}`)] : "—"),
          h("td", {}, p.movesMost ? `${p.movesMost}` : "—"),
          h("td", {}, h("button", { type: "button", onclick: () => adopt(p.text, `“${name}”`) }, "Adopt into the text editor"))));
      }
    }
    if (a.suggestedDraft && !(t && t.packages.some((p) => sameText(p.text, a.suggestedDraft)))) {
      rows.push(h("tr", {}, h("th", { scope: "row" }, "Automated mediator's draft", h("p", { class: "hint" }, "Of the texts every side you know would accept at the table, the one that balances their gains best (the editor's starting draft).")),
        (t ? t.parties : profiles.map((p) => p.seat)).map((seat) => { const p = profiles.find((x) => x.seat === seat); return h("td", {}, p ? h("span", { class: "value" }, String(pct(profileValue(p, a.suggestedDraft)))) : "—", p && redLineCrossed(p, a.suggestedDraft) ? h("span", { class: "bad" }, ` ${redLineCrossed(p, a.suggestedDraft)}`) : ""); }),
        t ? [h("td", {}, "—"), h("td", {}, "—"), h("td", {}, "—")] : null,
        h("td", {}, h("button", { type: "button", onclick: () => adopt(a.suggestedDraft, "The automated mediator's draft") }, "Adopt into the text editor"))));
    }
    const parties = t ? t.parties : profiles.map((p) => p.seat);
    const hint = t
      ? `Each side's value of the text, 0 to 100 by the priorities you know, and its gain over today's situation. “Approved at home”: how likely each side's home front is to approve it (${parties.map((p) => homeFront(p) ? `${p}: ${homeFront(p)}` : null).filter(Boolean).join("; ")}), since their thresholds are only estimated. “Holds up”: across ${t.robustness ? t.robustness.draws.toLocaleString("en") : "the"} variations of the model's estimated numbers, how often both sides accept the text, how often both home fronts also approve, and how often it stays the best balance.${t.packages.some((p) => p.mediatorUtility !== undefined && p.mediatorUtility !== null) ? " The mediator's own interests are shown apart and never count as a side's acceptance." : ""}`
      : "Each side's value of the text, 0 to 100 by the priorities you know.";
    const us = t ? t.packages.filter((p) => p.mediatorUtility !== undefined && p.mediatorUtility !== null) : [];
    return card("Candidate packages", hint, true,
      rows.length ? h("div", { class: "scroll" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Package"), parties.map((p) => h("th", { scope: "col" }, `Value to ${p}`)),
        t ? [h("th", { scope: "col" }, "Chance approved at home"), h("th", { scope: "col" }, "Holds up when the estimates vary"), h("th", { scope: "col" }, "Gives up most")] : null, h("th", { scope: "col" }, "Action"))), h("tbody", {}, rows)))
        : h("p", {}, "No package every known side would accept."),
      us.length ? h("p", { class: "hint" }, `The mediator's own interests (value to the mediator, 0–100): ${us.map((p) => `${packageName(p.label)[0]} ${pct(p.mediatorUtility)}`).join("; ")}.`) : null,
      h("h3", {}, "Where every package lies"),
      state.plot ? h("figure", {}, h("img", { class: "plot", src: state.plot, alt: "Each possible text as a dot, placed by its value to each side, with the texts no other text beats for both sides as a line." }),
        h("figcaption", { class: "hint" }, "Each dot is a possible text, placed by its value (0 to 1) to one side across and to the other up. Pink dots cross a red line; grey ones are worse than walking away for a side. The dark line joins the texts that no other text beats for both sides; the marked points are balanced choices on it, named in the legend. The dashed lines are each side's walk-away value: texts above and to the right of both are better than no agreement for both."))
        : h("button", { type: "button", class: "secondary", onclick: loadPlot }, "Draw the value of every package to each side"));
  }
  async function loadPlot() {
    try {
      say("Drawing… (it computes every package)", true);
      const svg = await api("GET", "/analysis/utility-space.svg");
      state.plot = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
      render();
    } catch (e) { say(e.message); }
  }

  // The editor opens on a neutral draft: the text of the open round, else the adopted text, else the
  // automated mediator's balanced draft, else today's situation where one is stated. Never a side's ideal.
  function startingDraft() {
    const v = state.view, a = state.analysis;
    if (v.round && v.round.candidate) return [{ ...v.round.candidate }, `the text of round ${v.round.number}`];
    if (v.text) return [{ ...v.text }, "the adopted text"];
    if (a && a.suggestedDraft) return [{ ...a.suggestedDraft, ...agreedArticles() }, "balanced"];
    const text = {};
    for (const i of issues()) { const now = today(i.name); text[i.name] = now && now.statusQuo ? now.statusQuo : i.options[0]; }
    return [{ ...text, ...agreedArticles() }, "today"];
  }
  function editorOrigin() {
    const from = state.editorFrom;
    if (from === "balanced") return "It starts from a neutral draft: the automated mediator's balanced text — of the texts every side you know would accept, the one that balances their gains best. It is neither side's ideal. Under each article you see what holds today.";
    if (from === "today") return "It starts from today's situation where one is stated (the first option listed elsewhere): no automated draft is acceptable to every side you know.";
    return `It holds ${from}.`;
  }

  function editorCard() {
    const v = state.view;
    if (!state.editor) [state.editor, state.editorFrom] = startingDraft();
    const agreed = agreedArticles();
    const profiles = v.profiles;
    const roundOpen = v.round && v.round.open;
    const values = h("div", { "aria-live": "polite" });
    const updateValues = () => values.replaceChildren(...profiles.map((p) => {
      const val = profileValue(p, state.editor), red = redLineCrossed(p, state.editor);
      const sq = tl() ? tl().statusQuoValue[p.seat] : undefined;
      return h("p", {}, valueBar(val, `Value to ${p.seat}: ${pct(val)} out of 100`), h("span", { class: "value" }, `Value to ${p.seat}: ${pct(val)} of 100`),
        sq !== undefined ? h("span", { class: "hint" }, ` (today's situation: ${pct(sq)})`) : null, red ? h("span", { class: "bad" }, ` — ${red}`) : null);
    }));
    const fields = issues().map((i) => {
      const sid = nextId("ed");
      const wording = h("p", { class: "hint clause" }, clause(i, state.editor[i.name]));
      const now = today(i.name);
      const sel = h("select", { id: sid, name: "article-" + i.name, onchange: () => { state.editor[i.name] = sel.value; wording.textContent = clause(i, sel.value); rewording.value = clause(i, sel.value); updateValues(); } },
        i.options.map((o) => h("option", { value: o, selected: state.editor[i.name] === o }, human(o))));
      const rid = nextId("rw");
      const rewording = h("textarea", { id: rid, name: "clause-" + i.name, rows: 3 }, clause(i, state.editor[i.name]));
      const reword = h("details", { class: "reword", "data-key": "reword-" + i.name }, h("summary", {}, `Reword this clause (article ${articleNo(i.name)})`),
        field(rid, "New wording of the option chosen above (every console sees it; earlier wordings stay in the history)", rewording),
        h("button", { type: "button", class: "secondary", disabled: roundOpen || v.status === "signing", onclick: () => act("PUT", "/clauses", { issue: i.name, option: state.editor[i.name], text: rewording.value }, `Article ${articleNo(i.name)} reworded: every console shows the new wording.`) }, `Save the wording of article ${articleNo(i.name)}`));
      return h("div", { class: "article" }, field(sid, `Article ${articleNo(i.name)}: ${title(i.name)}${agreed[i.name] ? " (agreed)" : ""}`, sel), wording, reword,
        now ? h("p", { class: "hint" }, h("strong", {}, "Today: "), now.note || todayText(i)) : null);
    });
    updateValues();
    const did = nextId("dl");
    const deadline = h("input", { id: did, type: "number", min: 0, step: 1, value: 30, name: "deadline-minutes" });
    const open = () => {
      const minutes = Number(deadline.value);
      act("POST", "/rounds", { text: state.editor, durationSeconds: minutes > 0 ? minutes * 60 : null }, "Round opened: the delegations see the text now.");
    };
    return h("section", { class: "card", id: "editor-card", "aria-labelledby": "editor-h" }, h("h2", { id: "editor-h" }, "Text editor"),
      h("p", { class: "hint" }, "Choose the option of each article (and, if you wish, reword its clause), then put the text to the delegations in a new round. ", editorOrigin()), values, ...fields,
      field(did, "Deadline for answers, in minutes (0: no deadline)", deadline),
      h("button", { type: "button", onclick: open, disabled: roundOpen || v.status === "signing" }, "Open a round with this text"),
      h("button", { type: "button", class: "secondary", onclick: suggest }, "Suggest next draft"),
      roundOpen ? h("p", { class: "hint" }, "Close the open round before opening another.") : null);
  }
  async function suggest() {
    try {
      state.analysis = await api("GET", "/analysis");
      if (!state.analysis.suggestedDraft) return say("The automated mediator finds no draft every known side would accept.");
      state.editor = { ...agreedArticles(), ...state.analysis.suggestedDraft, ...agreedArticles() };
      state.editorFrom = "the automated mediator's suggested draft (articles already agreed are kept)";
      render();
      say("The automated mediator's draft is in the editor (articles already agreed are kept).", true);
    } catch (e) { say(e.message); }
  }

  function roundControlCard() {
    const v = state.view, r = v.round;
    const body = [h("p", {}, statusText(v))];
    if (r && r.candidate) {
      const answersBySeat = {};
      for (const rec of v.record) if (rec.event.type === "articles-answered" && rec.event.round === r.number) answersBySeat[seatName(rec.event.seat)] = Object.fromEntries(rec.event.answers.map((a) => [a.issue, a]));
      const who = v.seats.map((seat) => {
        const answered = r.ballots ? r.ballots[seat.name] !== null && r.ballots[seat.name] !== undefined : null;
        const agent = agentSeats()[seat.name];
        return h("li", {}, `${seat.name}${agent ? " (built-in agent)" : ""}: `, answered === null ? "—" : answered ? h("span", { class: "tag ok" }, "has answered") : h("span", { class: "tag warn" }, "not yet"));
      });
      body.push(h("p", {}, `Round ${r.number}: ${r.voted} of ${v.seats.length} delegations have answered.${r.deadline && r.open ? ` Deadline ${new Date(r.deadline).toLocaleString()}.` : ""}`), h("ul", {}, who));
      const everyone = (i) => v.seats.every((seat) => answersBySeat[seat.name] && answersBySeat[seat.name][i.name] && answersBySeat[seat.name][i.name].accept);
      body.push(textTable(r.candidate, null, null, (i) => v.seats.map((seat) => {
        const a = answersBySeat[seat.name] && answersBySeat[seat.name][i.name];
        return h("div", {}, `${seat.name}: `, !a ? h("span", { class: "hint" }, "no answer") : a.accept ? h("span", { class: "tag ok" }, "accepts") : h("span", { class: "tag bad" }, "rejects"), a && a.comment ? ` “${a.comment}”` : "");
      })));
      const agreedNow = issues().filter(everyone);
      if (agreedNow.length) {
        const boxes = agreedNow.map((i) => { const cid = nextId("ag"); return h("label", { class: "inline", for: cid }, h("input", { type: "checkbox", id: cid, checked: true, "data-issue": i.name, "data-key": "agree-" + i.name }), `${articleNo(i.name)}. ${title(i.name)}`); });
        body.push(h("h3", {}, "Accepted by every delegation"), h("div", {}, boxes),
          h("button", { type: "button", onclick: () => {
            const articles = {};
            for (const b of main.querySelectorAll("input[data-issue]")) if (b.checked) articles[b.getAttribute("data-issue")] = r.candidate[b.getAttribute("data-issue")];
            if (!Object.keys(articles).length) return say("Tick at least one article.");
            act("POST", "/agreements", { articles }, "Partial agreement recorded: every console shows it.");
          } }, "Record these articles as agreed"));
      }
      if (r.open) body.push(h("button", { type: "button", class: "secondary", onclick: () => act("POST", "/rounds/close", undefined, "Round closed.") }, "Close the round now"));
    }
    if (r && r.signingOpen && r.signingArticle) body.push(h("p", { id: "signing-by-article" }, `Not every delegation signed the whole text: signatures are now collected article by article. Open for signature: article ${articleNo(r.signingArticle)}, ${title(r.signingArticle)}.`));
    if (v.text && !(r && r.signingOpen) && v.status !== "agreement") body.push(h("button", { type: "button", onclick: () => act("POST", "/signing", undefined, "The text is open for signature.") }, "Open the adopted text for signature"));
    return card("Round control", null, false, ...body);
  }

  // The seats the mediator gave to built-in agents (public "seat-agent" events of the record).
  const agentStyles = { truthful: "Truthful: votes for what it prefers", strategic: "Strategic: votes tactically", annealing: "Exploring: accepts worse texts early, fewer later" };
  function agentSeats() {
    const seats = {};
    for (const r of state.view.record) if (r.event.type === "seat-agent") seats[seatName(r.event.seat)] = r.event.agent;
    return seats;
  }

  function invitationsCard() {
    const v = state.view;
    const who = (i) => i.label;
    const rows = (v.invitations || []).map((i) => h("tr", {}, h("td", {}, who(i)), h("td", {}, i.role), h("td", {}, i.seat || "—"), h("td", {}, i.revoked ? "revoked" : "active"),
      h("td", {}, !i.revoked && i.role !== "mediator" ? h("button", { type: "button", class: "secondary", onclick: () => act("DELETE", "/invitations/" + encodeURIComponent(i.id), undefined, "Invitation revoked.") }, `Revoke ${who(i)}`) : null)));
    const rid = nextId("iv"), sid = nextId("iv"), aid = nextId("iv"), asid = nextId("iv");
    const role = h("select", { id: rid, name: "invite-role" }, h("option", { value: "delegation" }, "A delegation"), h("option", { value: "observer" }, "An observer"), h("option", { value: "mediator" }, "A co-mediator"));
    const seat = h("select", { id: sid, name: "invite-seat" }, v.seats.map((x) => h("option", { value: x.name }, x.name)));
    const agent = h("select", { id: aid, name: "agent-kind" }, Object.entries(agentStyles).map(([k, label]) => h("option", { value: k }, label)));
    const seated = agentSeats();
    const agentSeat = h("select", { id: asid, name: "agent-seat" }, v.seats.map((x) => h("option", { value: x.name }, x.name)));
    const invite = async () => {
      try {
        state.issued = await api("POST", "/invitations", { role: role.value, seat: role.value === "delegation" ? seat.value : null, label: null });
        await reload();
      } catch (e) { say(e.message); }
    };
    return card("Participants", "Personal links open one console each. Revoke a link to shut it out at once.", false,
      h("div", { class: "scroll" }, h("table", {}, h("thead", {}, h("tr", {}, ["Who", "Role", "Seat", "Status", ""].map((x) => h("th", { scope: "col" }, x)))), h("tbody", {}, rows))),
      h("h3", {}, "Invite"), field(rid, "Role", role), field(sid, "Seat (for a delegation)", seat),
      h("button", { type: "button", onclick: invite }, "Create a personal link"),
      state.issued ? h("p", {}, "Give this link to ", state.issued.label, " (shown once): ", h("span", { class: "link" }, state.issued.link)) : null,
      h("h3", {}, "Fill a seat with a built-in agent"), h("p", { class: "hint" }, "For rehearsal or teaching: the agent votes on every round's text and signs, with the seat's priorities."),
      Object.keys(seated).length ? h("p", {}, Object.entries(seated).map(([seat, kind]) => h("span", { class: "tag" }, `${seat}: built-in agent (${agentStyles[kind] || kind})`))) : null,
      field(asid, "Seat", agentSeat), field(aid, "Style", agent),
      h("button", { type: "button", onclick: () => act("POST", "/agents", { seat: agentSeat.value, agent: agent.value }, "The agent has taken the seat.") }, "Seat the agent"));
  }

  function inboxCard() {
    const v = state.view, shared = new Set(v.record.filter((r) => r.event.type === "shared").map((r) => r.event.sequence));
    const items = v.record.filter((r) => (r.event.type === "comment" && r.event.to === "mediator") || r.event.type === "amendment").map((r) =>
      h("li", {}, describe(r), " ", shared.has(r.sequence) ? h("span", { class: "tag" }, "shared") : h("button", { type: "button", class: "secondary", onclick: () => act("POST", "/shares", { sequence: r.sequence }, "Shared with everyone.") }, "Share with everyone")));
    return card("Comments and amendments", "What delegations sent to you. Share an item to put it on the public record.", false,
      items.length ? h("ul", {}, items) : h("p", { class: "hint" }, "Nothing yet."),
      commentForm([["everyone", "Everyone"], ...v.seats.map((x) => ["seat:" + x.name, `${x.name} only`])]));
  }

  function renderMediator() {
    main.replaceChildren(roundControlCard(), editorCard(), gapCard(), harvestCard(), packagesCard(), currentTextCard(null), invitationsCard(), inboxCard(), historyCard(null), recordCard(), notesCard(), exportCard());
    const better = betterDealCardForMediator(); if (better) main.prepend(better);
  }

  function renderObserver() {
    main.replaceChildren(card("Status", null, false, h("p", {}, statusText(state.view))), currentTextCard(null), historyCard(null), recordCard(), exportCard());
    const better = betterDealCardForObserver(); if (better) main.prepend(better);
  }

  // ---------- redrawing without losing a person's place ----------
  // Every change redraws the console from the view. What a person is in the middle of survives it:
  // each form control's draft (matched by a stable key: data-key, else its name, and a radio's value),
  // which sections are open, the focus with its caret and selection, and the scroll positions.
  // A draft is kept unless the server changed what the control was drawn from (the mediator adopted
  // another package into the editor, say): then the new value wins. A redraw waits only while a
  // pointer is pressed (a click in progress) or a composition is active (an input method), and never
  // longer than a few seconds.
  const keyOf = (el) => el.dataset.key || (el.name ? (el.type === "radio" ? `${el.name}=${el.value}` : el.name) : el.tagName === "BUTTON" ? "button:" + el.textContent : "");
  const toggles = (el) => el.type === "checkbox" || el.type === "radio";
  function drawn(el) {
    if (toggles(el)) return el.defaultChecked;
    if (el.tagName === "SELECT") { const o = [...el.options].find((x) => x.defaultSelected); return o ? o.value : ""; }
    return el.defaultValue;
  }
  const current = (el) => toggles(el) ? el.checked : el.value;
  function place() {
    const controls = new Map(), open = new Map(), scrolls = new Map();
    for (const el of main.querySelectorAll("input, select, textarea")) {
      const key = keyOf(el);
      if (!key) continue;
      const was = el.tagName === "SELECT" ? (drawn(el) || (el.options[0] && el.options[0].value)) : drawn(el);
      if (current(el) !== was) controls.set(key, { drawn: drawn(el), value: current(el) });
      if (el.scrollTop || el.scrollLeft) scrolls.set(key, [el.scrollTop, el.scrollLeft]);
    }
    for (const el of main.querySelectorAll("details[data-key]")) open.set(el.dataset.key, el.open);
    const active = document.activeElement;
    let focus = null;
    if (active && main.contains(active) && keyOf(active)) {
      focus = { key: keyOf(active) };
      try { if (typeof active.selectionStart === "number") Object.assign(focus, { start: active.selectionStart, end: active.selectionEnd, direction: active.selectionDirection }); } catch { /* no caret in this control */ }
    }
    return { controls, open, scrolls, focus, x: window.scrollX, y: window.scrollY };
  }
  function restorePlace(p) {
    const byKey = new Map();
    for (const el of main.querySelectorAll("input, select, textarea, button")) if (keyOf(el) && !byKey.has(keyOf(el))) byKey.set(keyOf(el), el);
    for (const el of main.querySelectorAll("details[data-key]")) if (p.open.has(el.dataset.key)) el.open = p.open.get(el.dataset.key);
    // In document order, so that a choice that fills another list (the amendment's article) comes before that list.
    for (const el of main.querySelectorAll("input, select, textarea")) {
      const saved = p.controls.get(keyOf(el));
      if (!saved || saved.drawn !== drawn(el)) continue;
      if (toggles(el)) el.checked = saved.value; else el.value = saved.value;
      el.dispatchEvent(new Event(el.tagName === "SELECT" || toggles(el) ? "change" : "input", { bubbles: true }));
    }
    for (const [key, [top, left]] of p.scrolls) { const el = byKey.get(key); if (el) { el.scrollTop = top; el.scrollLeft = left; } }
    window.scrollTo(p.x, p.y);
    const again = p.focus && byKey.get(p.focus.key);
    if (again) {
      again.focus({ preventScroll: true });
      if (p.focus.start !== undefined) try { again.setSelectionRange(p.focus.start, p.focus.end, p.focus.direction); } catch { /* no caret in this control */ }
    }
  }

  let pointerDown = false, composing = false, waitingSince = 0, waitTimer = 0;
  const waitAtMost = 3000;
  function render() {
    if ((pointerDown || composing) && !(waitingSince && Date.now() - waitingSince >= waitAtMost)) {
      if (!waitingSince) { waitingSince = Date.now(); waitTimer = setTimeout(render, waitAtMost); }
      return;
    }
    clearTimeout(waitTimer);
    waitingSince = 0;
    draw();
  }
  const renderIfWaiting = () => { if (waitingSince) setTimeout(() => { if (waitingSince && !pointerDown && !composing) render(); }, 0); };
  document.addEventListener("pointerdown", () => { pointerDown = true; }, true);
  for (const type of ["pointerup", "pointercancel"]) document.addEventListener(type, () => { pointerDown = false; renderIfWaiting(); }, true);
  document.addEventListener("compositionstart", () => { composing = true; }, true);
  document.addEventListener("compositionend", () => { composing = false; renderIfWaiting(); }, true);

  function draw() {
    const v = state.view;
    $("#title").textContent = v.title;
    $("#who").textContent = v.role === "delegation" ? `Delegation of ${v.seat} — your confidential console` : v.role === "mediator" ? "Mediator's console" : "Observer";
    document.title = `${v.role === "delegation" ? v.seat : v.role === "mediator" ? "Mediator" : "Observer"} — ${v.title}`;
    const kept = place();
    uid = 0;
    if (v.role === "delegation") renderDelegation(); else if (v.role === "mediator") renderMediator(); else renderObserver();
    restorePlace(kept);
  }

  // ---------- loading and live updates ----------
  let loading = null, again = false;
  async function reload() {
    if (loading) { again = true; return loading; }
    loading = (async () => {
      do {
        again = false;
        const view = await api("GET", "");
        state.view = view;
        state.lastVersion = view.version;
        // The analysis depends only on the profiles the mediator knows: re-read it when a declaration arrives.
        const declarations = view.record.filter((r) => r.event.type === "profile-declared").length;
        if (view.role === "mediator" && (state.analysis === null || declarations !== state.declarations)) {
          state.declarations = declarations;
          state.plot = null;
          try { state.analysis = await api("GET", "/analysis"); } catch (e) { state.analysis = { issues: [], note: e.message }; }
          loadTwoLevel();
        }
        render();
      } while (again);
    })();
    try { await loading; } finally { loading = null; }
  }
  // The status-quo, ratification and robustness view takes a moment (it varies the estimates a thousand
  // times): it is fetched beside the rest, and the console redraws when it arrives.
  let twoLevelTicket = 0;
  async function loadTwoLevel() {
    const ticket = ++twoLevelTicket;
    state.twoLevel = { loading: true };
    let result;
    try { result = await api("GET", "/analysis/two-level?draws=1000"); } catch (e) { result = { error: e.message }; }
    if (ticket !== twoLevelTicket) return;
    state.twoLevel = result;
    render();
  }

  function connection(text, cls) { const c = $("#connection"); c.textContent = text; c.className = "connection " + cls; }

  async function live() {
    const hub = new signalR.HubConnectionBuilder()
      .withUrl("/live?negotiation=" + encodeURIComponent(id), { accessTokenFactory: () => token })
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => Math.min(3000, 250 * (ctx.previousRetryCount + 1)) })
      .configureLogging(signalR.LogLevel.None)
      .build();
    hub.on("events", (negotiation, version) => { if (version > state.lastVersion) reload().catch((e) => say(e.message)); });
    let connected = false;
    const catchUp = async () => {
      connection(connected ? "Reconnected — catching up…" : "Connecting…", "catching");
      connected = true;
      const missed = await hub.invoke("CatchUp", state.lastVersion);
      await reload();
      connection(missed.records.length ? `Live — caught up ${missed.records.length} change${missed.records.length === 1 ? "" : "s"}` : "Live", "live");
    };
    hub.onreconnecting(() => connection("Connection lost — reconnecting…", "lost"));
    hub.onreconnected(() => catchUp().catch(() => connection("Connection lost — reconnecting…", "lost")));
    hub.onclose(() => { connection("Connection lost — reconnecting…", "lost"); setTimeout(start, 1000); });
    const start = async () => {
      try { await hub.start(); await catchUp(); } catch { connection("Connection lost — reconnecting…", "lost"); setTimeout(start, 1000); }
    };
    await start();
  }

  (async () => {
    if (!id || !token) { connection("No link", "lost"); say("Open this console from your personal link (it carries your access key)."); return; }
    try { await reload(); } catch (e) { connection("Not connected", "lost"); say(`This link does not open the negotiation: ${e.message}`); return; }
    live();
  })();
})();
