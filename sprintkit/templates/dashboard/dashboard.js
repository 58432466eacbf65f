"use strict";
(function () {
  var D = JSON.parse(document.getElementById("data").textContent);
  var W = D.words;
  var U = D.ui;
  var SVG = "http://www.w3.org/2000/svg";
  var KEYS = ["period", "perspective", "from", "to"];
  var state = { period: "", perspective: "", from: "", to: "" };

  // --- small helpers (text only ever goes in through textContent) -----------------------
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) { for (var k in attrs) { if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]); } }
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    for (var k in attrs) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = String(text);
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function pct(share) { return share === null || share === undefined ? "" : Math.round(share * 100) + "%"; }
  // Numbers the way sprintkit.i18n.numbers writes them: decimal comma in Dutch, true minus sign.
  function dec(s) { return D.language === "nl" ? s.replace(".", ",") : s; }
  function signed(x, digits) {
    var s = Math.abs(x).toFixed(digits);
    if (Number(s) === 0) return dec(s);
    return (x > 0 ? "+" : "\u2212") + dec(s);
  }
  function pnum(p) {
    if (p < 0.001) return "< " + dec("0.001");
    p = Math.min(p, 1);
    var digits = Math.max(0, 1 - Math.floor(Math.log10(p)));
    return dec(String(Number(p.toFixed(digits))));
  }
  function pvalue(name, p) { var s = pnum(p); return name + (s.charAt(0) === "<" ? " " : " = ") + s; }
  function fmt(x) { return (Math.round(x * 100) / 100).toLocaleString(D.language === "nl" ? "nl-NL" : "en-GB"); }
  function label(list, id) {
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i].label;
    return id;
  }
  function say(text, values) {
    // a catalogue text with {name} placeholders filled in
    return String(text).replace(/\{([a-z_]+)\}/g, function (m, k) { return values[k] === undefined ? m : values[k]; });
  }
  function perspectiveIds() { return D.perspectives.map(function (p) { return p.id; }); }
  function valenceOf(meta, answerId) { return (meta && meta.valence && meta.valence[answerId]) || null; }
  function flagText(shift, valence, cls, marks) {
    // the direction in words and an arrow (an open one, and "klein", for a clear shift smaller
    // than the sprint's min_shift); whether it is desirable only where the method says so
    if (!shift) return "";
    var small = cls === "clear_small";
    var text = marks ? marks[shift + (small ? "_small" : "")] : (shift === "up" ? "▲ " + W.up : "▼ " + W.down);
    if (valence) text += " · " + ((shift === "up") === (valence === "positive") ? U.desirable : U.undesirable);
    return text;
  }
  function flagClass(shift, valence, cls) {
    if (!shift) return "flag";
    var flag = "flag " + shift + (cls === "clear_small" ? " small" : "");
    if (valence) flag += (shift === "up") === (valence === "positive") ? " good" : " bad";
    return flag;
  }

  // --- filters --------------------------------------------------------------------------
  function option(select, value, text) {
    select.appendChild(el("option", { value: value }, text));
  }
  function decode(text) {
    try { return decodeURIComponent(text.replace(/\+/g, " ")); } catch (e) { return text; }
  }
  function short(text) { text = String(text); return text.length > 40 ? text.slice(0, 39) + "…" : text; }
  function allowed(key, value) {
    if (key === "perspective") return value === "" || perspectiveIds().indexOf(value) >= 0;
    if (key === "period") return value === "" || D.periods.indexOf(value) >= 0;
    return D.periods.indexOf(value) >= 0;  // from, to
  }
  function defaults() {
    // all periods and perspectives; the last two periods compared
    state.period = ""; state.perspective = ""; state.from = ""; state.to = "";
    if (D.periods.length >= 2) {
      state.from = D.periods[D.periods.length - 2];
      state.to = D.periods[D.periods.length - 1];
    } else if (D.periods.length === 1) {
      state.from = state.to = D.periods[0];
    }
  }
  function readHash() {
    // the address over the defaults; every parameter is checked, and what is unknown is
    // ignored and said, never used
    defaults();
    var ignored = [];
    var h = (location.hash || "").replace(/^#/, "");
    if (h) h.split("&").forEach(function (part) {
      if (!part) return;
      var at = part.indexOf("=");
      var key = decode(at < 0 ? part : part.slice(0, at));
      var value = at < 0 ? "" : decode(part.slice(at + 1));
      if (!key) return;
      if (KEYS.indexOf(key) < 0) { ignored.push(say(U.address_unknown_key, { name: short(key) })); return; }
      if (!allowed(key, value)) { ignored.push(say(U.address_unknown_value, { name: key, value: short(value) })); return; }
      state[key] = value;
    });
    var note = document.getElementById("address-note");
    note.textContent = ignored.length ? say(U.address_ignored, { items: ignored.join("; ") }) : "";
    note.hidden = !ignored.length;
  }
  function writeHash() {
    // the address follows the filters, so a view can be shared by its address
    var parts = [];
    KEYS.forEach(function (k) { if (state[k]) parts.push(k + "=" + encodeURIComponent(state[k])); });
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (location.hash === hash) return;
    try { history.replaceState(null, "", hash || location.pathname + location.search); } catch (e) { /* a page opened in a sandbox */ }
  }
  function syncSelects() {
    [["f-period", "period"], ["f-perspective", "perspective"], ["f-from", "from"], ["f-to", "to"]].forEach(function (pair) {
      var select = document.getElementById(pair[0]);
      select.value = state[pair[1]];
      if (select.value !== state[pair[1]]) select.selectedIndex = -1;
    });
  }
  function setupFilters() {
    var fp = document.getElementById("f-period");
    var fv = document.getElementById("f-perspective");
    option(fp, "", W.all_periods);
    D.periods.forEach(function (p) { option(fp, p, p); });
    option(fv, "", W.all_perspectives);
    D.perspectives.forEach(function (p) { option(fv, p.id, p.label); });
    var ff = document.getElementById("f-from");
    var ft = document.getElementById("f-to");
    D.periods.forEach(function (p) { option(ff, p, p); option(ft, p, p); });
    readHash();
    syncSelects();
    [[fp, "period"], [fv, "perspective"], [ff, "from"], [ft, "to"]].forEach(function (pair) {
      pair[0].addEventListener("change", function () { state[pair[1]] = pair[0].value; render(true); });
    });
    window.addEventListener("hashchange", function () { readHash(); syncSelects(); render(true); });
  }

  // --- story counts and hard data --------------------------------------------------------
  function renderHard() {
    var table = document.getElementById("hard");
    clear(table);
    var hard = D.hard_data;
    var heads = [W.period, W.stories + (state.perspective ? " · " + label(D.perspectives, state.perspective) : "")];
    var thead = el("thead"), tr = el("tr");
    tr.appendChild(el("th", { scope: "col" }, heads[0]));
    tr.appendChild(el("th", { scope: "col" }, heads[1]));
    hard.indicators.forEach(function (ind) {
      // the unit on its own line: units such as "dagen (gemiddeld)" get no second brackets
      var th = el("th", { scope: "col" }, ind.name);
      if (ind.unit) th.appendChild(el("span", { "class": "unit" }, ind.unit));
      tr.appendChild(th);
    });
    thead.appendChild(tr); table.appendChild(thead);
    var tbody = el("tbody");
    var counts = D.story_counts[state.perspective] || {};
    function count(p) { var c = counts[p]; return c === undefined ? "" : c; }
    function head(ind) { return ind.name + (ind.unit ? ", " + ind.unit : ""); }
    var max = 1;
    hard.periods.forEach(function (p) { var n = parseInt(count(p), 10); if (n > max) max = n; });
    hard.periods.forEach(function (p) {
      var row = el("tr", { "class": p === state.period ? "current" : null });
      row.appendChild(el("th", { scope: "row" }, p));
      var td = el("td", { "data-label": heads[1], "data-testid": "period-count", "data-period": p });
      var n = parseInt(count(p), 10);
      if (n > 0 && /^[0-9]+$/.test(count(p))) td.appendChild(el("span", { "class": "minibar", "aria-hidden": "true", style: "width:" + Math.max(2, Math.round(60 * n / max)) + "px" }));
      td.appendChild(document.createTextNode(count(p) || "0"));
      row.appendChild(td);
      hard.indicators.forEach(function (ind) {
        var v = ind.values[p];
        row.appendChild(el("td", { "data-label": head(ind) }, v === undefined ? "" : fmt(v)));
      });
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
    var none = document.getElementById("no-indicators");
    none.hidden = hard.indicators.length > 0;
    if (!hard.indicators.length) return;
    // what the hard data is measured against: baseline, target and the desired direction
    var tfoot = el("tfoot");
    [["baseline", U.baseline], ["target", U.target], ["direction", U.direction]].forEach(function (line) {
      var row = el("tr", { "class": "ref ref-" + line[0], "data-testid": "hard-" + line[0] });
      row.appendChild(el("th", { scope: "row" }, line[1]));
      row.appendChild(el("td", { "class": "empty", "aria-hidden": "true" }, ""));
      hard.indicators.forEach(function (ind) {
        var v = ind[line[0]];
        var text = line[0] === "direction" ? (v === "increase" ? U.direction_increase : v === "decrease" ? U.direction_decrease : "")
          : (v === null || v === undefined ? "–" : fmt(v));
        row.appendChild(el("td", { "data-label": head(ind) }, text));
      });
      tfoot.appendChild(row);
    });
    table.appendChild(tfoot);
  }

  // --- distributions ---------------------------------------------------------------------
  function barRow(grid, sig, answer, index, col) {
    var shown = col.shown[answer.id];
    var share = col.shares[answer.id];
    var meaning = valenceOf(sig, answer.id);
    var name = el("div", { "class": "label" }, answer.label);
    if (meaning) {
      // what the colour says, also in words (for screen readers and a pointer's tooltip)
      var word = meaning === "positive" ? U.desirable : U.undesirable;
      name.setAttribute("title", word);
      // and to the eye, so the colour is not alone: + desirable, − undesirable (said under the card)
      name.appendChild(el("span", { "class": "val", "aria-hidden": "true", "data-testid": "valence-mark" }, meaning === "positive" ? "+" : "\u2212"));
      name.appendChild(el("span", { "class": "sr-only" }, " (" + word + ")"));
    }
    grid.appendChild(name);
    var track = el("div", { "class": "track" });
    var fill = el("div", { "class": "fill" + (col.counts[answer.id] === null ? " hidden" : "") });
    if (col.counts[answer.id] !== null) {
      // one neutral colour; green or red only where the method declares the answer desirable or not
      var valence = valenceOf(sig, answer.id);
      fill.style.width = (share ? share * 100 : 0) + "%";
      if (valence) fill.className += valence === "positive" ? " good" : " bad";
    }
    track.appendChild(fill);
    grid.appendChild(track);
    var num = el("div", { "class": "num" });
    num.appendChild(el("span", { "class": "count", "data-testid": "count", "data-sig": sig.id, "data-answer": answer.id }, shown));
    num.appendChild(el("span", { "class": "pct" }, pct(share)));
    grid.appendChild(num);
  }

  function lines(text, width) {
    // words into lines of at most `width` characters (a long word keeps its own line)
    var out = [], line = "";
    String(text).split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > width) { out.push(line); line = word; }
      else { line = line ? line + " " + word : word; }
    });
    if (line) out.push(line);
    return out;
  }

  function cornerLabel(x, y, anchor, text, up) {
    // a corner's label, wrapped so the two bottom labels never run into each other
    var rows = lines(text, 18), height = 17;
    var label = svg("text", { x: x, y: up ? y - (rows.length - 1) * height : y, "text-anchor": anchor });
    rows.forEach(function (row, k) {
      label.appendChild(svg("tspan", { x: x, dy: k === 0 ? 0 : height }, row));
    });
    return label;
  }

  function compositionText(corners, comp) {
    return comp.map(function (c, k) { return corners[k] + " " + Math.round(c * 100) + "%"; }).join(" · ");
  }

  function triangle(corners, points, name, regions) {
    // corners a (top), b (bottom left), c (bottom right); points: [{comp, label, kind}] where
    // kind "from" is an open ring and "to" a filled dot, each with its period written beside it
    var A = [170, 62], B = [20, 300], C = [320, 300];
    var shares = [];  // the areas' share labels, moved off a point that falls on them
    var box = svg("svg", { "class": "triad", viewBox: "0 0 340 362", role: "img", "aria-label": name });
    box.appendChild(svg("title", {}, name));
    box.appendChild(svg("polygon", { points: A.join(",") + " " + B.join(",") + " " + C.join(","), fill: "#f7f9fb", stroke: "#5f6b7a", "stroke-width": "1.5" }));
    // the 50% lines: the regions where one corner holds half the weight
    function at(a, b, c) { return [a * A[0] + b * B[0] + c * C[0], a * A[1] + b * B[1] + c * C[1]]; }
    if (regions) {
      // where the stories are: each of the four areas (a corner with half the weight or more,
      // or mixed) shaded by its share of the stories and labelled with it — the same protected
      // numbers as the bars, so no count is shown that the bars do not show
      var ab = at(.5, .5, 0), ac = at(.5, 0, .5), bc = at(0, .5, .5);
      [[[A, ab, ac], at(2 / 3, 1 / 6, 1 / 6)], [[B, ab, bc], at(1 / 6, 2 / 3, 1 / 6)],
       [[C, ac, bc], at(1 / 6, 1 / 6, 2 / 3)], [[ab, ac, bc], at(.44, .28, .28)]].forEach(function (area, k) {
        var r = regions[k];
        if (!r) return;
        var hidden = r.share === null || r.share === undefined;
        box.appendChild(svg("polygon", { "class": "area", points: area[0].map(function (xy) { return xy.join(","); }).join(" "),
          fill: hidden ? "#f7f9fb" : "#2f6f8f", "fill-opacity": hidden ? 1 : (0.06 + 0.4 * Math.min(1, r.share / 0.6)).toFixed(3) }));
        shares.push(svg("text", { "class": "area-share", x: area[1][0], y: area[1][1] + 5, "text-anchor": "middle" }, hidden ? r.shown : pct(r.share)));
        box.appendChild(shares[shares.length - 1]);
      });
    }
    [[at(.5, .5, 0), at(.5, 0, .5)], [at(.5, .5, 0), at(0, .5, .5)], [at(0, .5, .5), at(.5, 0, .5)]].forEach(function (seg) {
      box.appendChild(svg("line", { x1: seg[0][0], y1: seg[0][1], x2: seg[1][0], y2: seg[1][1], stroke: "#6b7785", "stroke-dasharray": "5 4" }));
    });
    box.appendChild(cornerLabel(A[0], A[1] - 10, "middle", corners[0], true));
    box.appendChild(cornerLabel(B[0] - 14, B[1] + 20, "start", corners[1], false));
    box.appendChild(cornerLabel(C[0] + 14, C[1] + 20, "end", corners[2], false));
    var prev = null;
    points.forEach(function (p) {
      if (!p.comp) return;
      var xy = at(p.comp[0], p.comp[1], p.comp[2]);
      if (prev) box.appendChild(svg("line", { x1: prev[0], y1: prev[1], x2: xy[0], y2: xy[1], stroke: "#3d4752", "stroke-width": "2" }));
      var dot = p.kind === "from"
        ? svg("circle", { "class": "pt-from", cx: xy[0], cy: xy[1], r: 6, fill: "#fff", stroke: "#4b5563", "stroke-width": "3" })
        : svg("circle", { "class": "pt-to", cx: xy[0], cy: xy[1], r: 7, fill: "#2f6f8f", stroke: "#fff", "stroke-width": "2" });
      box.appendChild(dot);
      p.xy = xy;
      prev = xy;
      shares.forEach(function (text) {
        // a label under a dot is unreadable: move it a line down (or up) past the dot
        var x = Number(text.getAttribute("x")), y = Number(text.getAttribute("y")) - 5;
        if (Math.abs(x - xy[0]) < 24 && Math.abs(y - xy[1]) < 16) text.setAttribute("y", (xy[1] > y ? xy[1] - 12 : xy[1] + 22).toFixed(1));
      });
    });
    if (points.length === 2 && points[0].xy && points[1].xy) {
      // each period written beside its point, away from the other one: the two periods differ
      // by shape and by name, not by colour alone
      var dx = points[1].xy[0] - points[0].xy[0], dy = points[1].xy[1] - points[0].xy[1];
      var len = Math.sqrt(dx * dx + dy * dy) || 1;
      [[points[0], -1], [points[1], 1]].forEach(function (pair) {
        var ux = len > 1 ? pair[1] * dx / len : pair[1], uy = len > 1 ? pair[1] * dy / len : 0;
        var x = pair[0].xy[0] + ux * 14, y = pair[0].xy[1] + uy * 14 + 5;
        box.appendChild(svg("text", { "class": "pt-label", x: x, y: y, "text-anchor": ux >= 0.3 ? "start" : ux <= -0.3 ? "end" : "middle" }, pair[0].label));
      });
    }
    return box;
  }

  function renderDistributions() {
    var view = D.views[state.period + "|" + state.perspective];
    var cards = document.getElementById("dist-cards");
    clear(cards);
    document.getElementById("total").textContent = view ? view.total_shown : "0";
    if (!view || view.total === 0) { cards.appendChild(el("p", { "class": "note" }, W.no_stories)); return; }
    D.signifiers.forEach(function (meta, i) {
      var col = view.signifiers[i];
      var card = el("article", { "class": "card", "data-sig": meta.id });
      card.appendChild(el("h3", null, meta.question));
      card.appendChild(el("p", { "class": "meta" }, "n = " + col.n_shown + (meta.type === "multichoice" ? " · " + W.share + " ≠ 100%" : "")));
      var grid = el("div", { "class": "bars" });
      meta.answers.forEach(function (answer, j) { barRow(grid, meta, answer, j, col); });
      card.appendChild(grid);
      if (meta.answers.some(function (a) { return valenceOf(meta, a.id); })) {
        card.appendChild(el("p", { "class": "test", "aria-hidden": "true", "data-testid": "valence-key" }, "+ " + U.desirable + " · \u2212 " + U.undesirable));
      }
      if (meta.type === "scale" && col.mean !== null && col.mean !== undefined) {
        var p = el("p", { "class": "extra" }, W.mean + ": ");
        p.appendChild(el("b", { "data-testid": "mean", "data-sig": meta.id }, fmt(col.mean)));
        card.appendChild(p);
      }
      if (meta.type === "triad" && col.composition) {
        var q = el("p", { "class": "extra" }, W.composition + ": ");
        var parts = compositionText(meta.corners, col.composition);
        q.appendChild(el("b", { "data-testid": "composition", "data-sig": meta.id }, parts));
        card.appendChild(q);
        var regions = meta.answers.map(function (a) { return { share: col.counts[a.id] === null ? null : col.shares[a.id], shown: col.shown[a.id] }; });
        var spread = meta.answers.map(function (a, k) { return a.label + " " + (regions[k].share === null ? regions[k].shown : pct(regions[k].share)); }).join(" · ");
        card.appendChild(triangle(meta.corners, [{ comp: col.composition, kind: "to", label: W.composition }],
          say(U.triad_label, { question: meta.question, parts: W.composition + ": " + parts + ". " + U.triad_areas + ": " + spread }), regions));
        card.appendChild(el("p", { "class": "caption" }, U.triad_areas_note));
      }
      cards.appendChild(card);
    });
  }

  // --- shifts ----------------------------------------------------------------------------
  function flip(side) { return side === "up" ? "down" : side === "down" ? "up" : side; }
  // the shown difference and interval (rounded outward by sprintkit) the other way round
  function negShown(s) { return !s ? s : s.charAt(0) === "\u2212" ? "+" + s.slice(1) : s.charAt(0) === "+" ? "\u2212" + s.slice(1) : s; }
  function negInterval(s) { var m = /^\[(.*); (.*)\]$/.exec(s || ""); return m ? "[" + negShown(m[2]) + "; " + negShown(m[1]) + "]" : s; }
  function mirrorShown(x) {
    if (x.difference_shown) x.difference_shown = negShown(x.difference_shown);
    if (x.interval_shown) x.interval_shown = negInterval(x.interval_shown);
  }
  function mirror(result) {
    // the pair the other way round (from later to earlier): the same tests, the differences and
    // intervals negated, so a pair chosen backwards is shown, not refused
    var r = JSON.parse(JSON.stringify(result));
    r.from = result.to; r.to = result.from;
    r.signifiers.forEach(function (sig) {
      var t;
      t = sig.n_from; sig.n_from = sig.n_to; sig.n_to = t;
      t = sig.n_from_shown; sig.n_from_shown = sig.n_to_shown; sig.n_to_shown = t;
      sig.answers.forEach(function (a) {
        t = a.from; a.from = a.to; a.to = t;
        if (a.difference !== null && a.difference !== undefined) a.difference = -a.difference;
        if (a.interval) a.interval = [-a.interval[1], -a.interval[0]];
        mirrorShown(a);
        a.shift = flip(a.shift);
      });
      if (sig.mean) {
        t = sig.mean.from; sig.mean.from = sig.mean.to; sig.mean.to = t;
        if (sig.mean.difference !== null && sig.mean.difference !== undefined) sig.mean.difference = -sig.mean.difference;
        if (sig.mean.interval) sig.mean.interval = [-sig.mean.interval[1], -sig.mean.interval[0]];
        mirrorShown(sig.mean);
        sig.mean.shift = flip(sig.mean.shift);
      }
      if (sig.composition) { t = sig.composition.from; sig.composition.from = sig.composition.to; sig.composition.to = t; }
    });
    return r;
  }
  function shiftResult() {
    var key = state.from + "|" + state.to + "|" + state.perspective;
    if (D.shifts[key]) return D.shifts[key];
    var back = D.shifts[state.to + "|" + state.from + "|" + state.perspective];
    return back ? mirror(back) : null;
  }
  function signifierMeta(id) {
    for (var i = 0; i < D.signifiers.length; i++) if (D.signifiers[i].id === id) return D.signifiers[i];
    return null;
  }
  function pairSentence(result) {
    // what was chosen and what is compared, in words
    var out = document.getElementById("pair-sentence");
    if (D.periods.length < 2) { out.textContent = U.one_period; return; }
    if (!state.from || !state.to) { out.textContent = ""; return; }
    if (state.from === state.to) { out.textContent = say(U.pair_same, { period: state.from }); return; }
    if (!result) { out.textContent = say(U.pair_missing, { from: state.from, to: state.to }); return; }
    var first = result.signifiers.length ? result.signifiers[0] : null;
    var nFrom = D.story_counts[state.perspective] ? D.story_counts[state.perspective][state.from] : (first ? first.n_from_shown : "");
    var nTo = D.story_counts[state.perspective] ? D.story_counts[state.perspective][state.to] : (first ? first.n_to_shown : "");
    var who = state.perspective ? say(U.pair_who, { perspective: label(D.perspectives, state.perspective) }) : "";
    var text = say(U.pair_sentence, { n_from: nFrom, n_to: nTo, from: state.from, to: state.to, who: who });
    if (state.from > state.to) text += " " + say(U.pair_backwards, { from: state.from, to: state.to });
    out.textContent = text;
  }
  function renderShifts() {
    var cards = document.getElementById("shift-cards");
    clear(cards);
    var result = state.from && state.to && state.from !== state.to ? shiftResult() : null;
    pairSentence(result);
    if (!result) {
      document.getElementById("method-note").textContent = "";
      return;
    }
    document.getElementById("method-note").textContent = result.method_note;
    result.signifiers.forEach(function (sig) {
      var meta = signifierMeta(sig.id);
      var card = el("article", { "class": "card" + (sig.shifted ? " shifted-yes" : ""), "data-shift-sig": sig.id });
      card.appendChild(el("h3", null, sig.question));
      card.appendChild(el("p", { "class": "meta" }, "n = " + sig.n_from_shown + " → " + sig.n_to_shown));
      var legend = el("p", { "class": "legend" });
      var l1 = el("span"); l1.appendChild(el("i", { "class": "key-from", "aria-hidden": "true" })); l1.appendChild(document.createTextNode(result.from));
      var l2 = el("span"); l2.appendChild(el("i", { "class": "key-to", "aria-hidden": "true" })); l2.appendChild(document.createTextNode(result.to));
      legend.appendChild(l1); legend.appendChild(l2);
      card.appendChild(legend);
      var grid = el("div", { "class": "shift-rows" });
      ["", W.share, W.difference + " · " + W.interval, W.shift].forEach(function (h, k) { grid.appendChild(el("div", { "class": "head head-" + k }, h)); });
      var small = false;  // a clear shift below min_shift in this card: say what "klein" means
      sig.answers.forEach(function (a) {
        grid.appendChild(el("div", { "class": "label" }, a.label));
        var cell = el("div", { "class": "sharecell" });
        var bars = el("div", { "class": "pairbars", "aria-hidden": "true" });
        [["from", a.from], ["to", a.to]].forEach(function (pair) {
          var wrap = el("div", { "class": pair[0] });
          var track = el("div", { "class": "track" });
          var fill = el("div", { "class": "fill" + (pair[1].count === null ? " hidden" : "") });
          if (pair[1].count !== null) fill.style.width = (pair[1].share ? pair[1].share * 100 : 0) + "%";
          track.appendChild(fill); wrap.appendChild(track); bars.appendChild(wrap);
        });
        cell.appendChild(bars);
        // the two shares as text ("12% → 23%"), also on paper
        var shareText = (a.from.count === null ? a.from.shown : pct(a.from.share)) + " → " + (a.to.count === null ? a.to.shown : pct(a.to.share));
        cell.appendChild(el("span", { "class": "shares", "data-testid": "shares", "data-sig": sig.id, "data-answer": a.id }, shareText));
        grid.appendChild(cell);
        var diffText = a.difference === null ? (a.from.count === null || a.to.count === null ? "*" : "–")
          : a.difference_shown ? a.difference_shown + " " + a.interval_shown
          : signed(a.difference * 100, 0) + " [" + signed(a.interval[0] * 100, 0) + "; " + signed(a.interval[1] * 100, 0) + "]";
        grid.appendChild(el("div", { "class": "diff", "data-testid": "diff", "data-sig": sig.id, "data-answer": a.id }, diffText));
        var valence = valenceOf(meta, a.id);
        if (a.shift && a.shift_class === "clear_small") small = true;
        grid.appendChild(el("div", { "class": flagClass(a.shift, valence, a.shift_class), "data-testid": "flag", "data-sig": sig.id, "data-answer": a.id },
          flagText(a.shift, valence, a.shift_class, result.marks)));
      });
      card.appendChild(grid);
      if (sig.type === "scale" && sig.mean && sig.mean.from !== null && sig.mean.to !== null) {
        var m = sig.mean;
        var text = W.mean + ": " + fmt(m.from) + " → " + fmt(m.to);
        if (m.difference !== null) text += " (" + (m.difference_shown ? m.difference_shown + " " + m.interval_shown
          : signed(m.difference, 2) + " [" + signed(m.interval[0], 2) + "; " + signed(m.interval[1], 2) + "]") + ")";
        var p = el("p", { "class": "extra" }, text);
        var top = meta && meta.answers.length ? valenceOf(meta, meta.answers[meta.answers.length - 1].id) : null;
        if (m.shift) p.appendChild(el("span", { "class": flagClass(m.shift, top, m.shift_class), "data-testid": "mean-flag", "data-sig": sig.id }, "  " + flagText(m.shift, top, m.shift_class, result.marks)));
        if (m.shift && m.shift_class === "clear_small") small = true;
        card.appendChild(p);
      }
      if (sig.type === "triad" && sig.composition && sig.composition.from && sig.composition.to) {
        var texts = [[result.from, sig.composition.from], [result.to, sig.composition.to]].map(function (pair) {
          return say(U.composition_in, { period: pair[0], parts: compositionText(sig.corners, pair[1]) });
        });
        texts.forEach(function (line) { card.appendChild(el("p", { "class": "extra composition", "data-testid": "shift-composition", "data-sig": sig.id }, line)); });
        card.appendChild(triangle(sig.corners, [
          { comp: sig.composition.from, kind: "from", label: result.from },
          { comp: sig.composition.to, kind: "to", label: result.to }],
          say(U.triad_label, { question: sig.question, parts: texts.join(". ") })));
      }
      var t = sig.test;
      if (t.p !== null) {
        var testText = W.test + ": " + (W["test_" + t.name] || t.name) + ", " + pvalue("p", t.p) + ", " + pvalue(W.p_adjusted, t.p_adjusted);
        card.appendChild(el("p", { "class": "test", "data-testid": "test", "data-sig": sig.id }, testText));
      }
      var notes = sig.notes.slice();
      if (!sig.shifted && t.p !== null) notes.push(W.no_shift);
      if (notes.length) card.appendChild(el("p", { "class": "notes" }, notes.join(" · ")));
      if (small && result.small_note) card.appendChild(el("p", { "class": "test small-note", "data-testid": "small-note", "data-sig": sig.id }, result.small_note));
      cards.appendChild(card);
    });
  }

  // --- quotes ----------------------------------------------------------------------------
  function renderQuotes() {
    var list = document.getElementById("quote-list");
    clear(list);
    var quotes = D.quotes[state.period + "|" + state.perspective] || [];
    if (!quotes.length) { list.appendChild(el("p", { "class": "note" }, W.no_quotes)); return; }
    quotes.forEach(function (q) {
      var b = el("blockquote", null, q.text);
      b.appendChild(el("cite", null, q.perspective_label + " · " + q.period));
      list.appendChild(b);
    });
  }

  function renderFilterText() {
    var parts = [W.filter_period + ": " + (state.period || W.all_periods),
      W.filter_perspective + ": " + (state.perspective ? label(D.perspectives, state.perspective) : W.all_perspectives)];
    document.getElementById("filter-print").textContent = parts.join(" · ");
    document.getElementById("pair-print").textContent = state.from && state.to ? state.from + " → " + state.to : "";
  }

  function announce() {
    var view = D.views[state.period + "|" + state.perspective];
    var filters = (state.period || W.all_periods) + ", " + (state.perspective ? label(D.perspectives, state.perspective) : W.all_perspectives)
      + (state.from && state.to ? ", " + state.from + " → " + state.to : "");
    document.getElementById("live").textContent = say(U.live, { filters: filters, total: view ? view.total_shown : "0" });
  }

  function render(changed) {
    writeHash();
    renderFilterText();
    renderHard();
    renderDistributions();
    renderShifts();
    renderQuotes();
    if (changed) announce();
    document.body.setAttribute("data-ready", "1");
  }

  setupFilters();
  render();
})();
