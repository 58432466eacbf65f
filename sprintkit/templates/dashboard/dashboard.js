"use strict";
(function () {
  var D = JSON.parse(document.getElementById("data").textContent);
  var W = D.words;
  var COLORS = ["var(--c0)", "var(--c1)", "var(--c2)", "var(--c3)", "var(--c4)", "var(--c5)"];
  var SVG = "http://www.w3.org/2000/svg";
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

  // --- filters --------------------------------------------------------------------------
  function option(select, value, text) {
    select.appendChild(el("option", { value: value }, text));
  }
  function readHash() {
    var h = (location.hash || "").replace(/^#/, "").split("&");
    for (var i = 0; i < h.length; i++) {
      var kv = h[i].split("=");
      if (kv.length === 2 && state.hasOwnProperty(kv[0])) state[kv[0]] = decodeURIComponent(kv[1]);
    }
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
    var froms = [], tos = [];
    D.shift_pairs.forEach(function (pair) {
      if (froms.indexOf(pair[0]) < 0) froms.push(pair[0]);
      if (tos.indexOf(pair[1]) < 0) tos.push(pair[1]);
    });
    froms.forEach(function (p) { option(ff, p, p); });
    tos.forEach(function (p) { option(ft, p, p); });
    if (D.periods.length >= 2) {
      state.from = D.periods[D.periods.length - 2];
      state.to = D.periods[D.periods.length - 1];
    }
    readHash();
    if (D.periods.indexOf(state.period) < 0) state.period = "";
    fp.value = state.period; fv.value = state.perspective; ff.value = state.from; ft.value = state.to;
    [[fp, "period"], [fv, "perspective"], [ff, "from"], [ft, "to"]].forEach(function (pair) {
      pair[0].addEventListener("change", function () { state[pair[1]] = pair[0].value; render(); });
    });
  }

  // --- story counts and hard data --------------------------------------------------------
  function renderHard() {
    var table = document.getElementById("hard");
    clear(table);
    var hard = D.hard_data;
    var thead = el("thead"), tr = el("tr");
    tr.appendChild(el("th", null, W.period));
    tr.appendChild(el("th", null, W.stories + (state.perspective ? " (" + label(D.perspectives, state.perspective) + ")" : "")));
    hard.indicators.forEach(function (ind) {
      tr.appendChild(el("th", null, ind.name + (ind.unit ? " (" + ind.unit + ")" : "")));
    });
    thead.appendChild(tr); table.appendChild(thead);
    var tbody = el("tbody");
    var counts = D.story_counts[state.perspective] || {};
    function count(p) { var c = counts[p]; return c === undefined ? "" : c; }
    var max = 1;
    hard.periods.forEach(function (p) { var n = parseInt(count(p), 10); if (n > max) max = n; });
    hard.periods.forEach(function (p) {
      var row = el("tr", { "class": p === state.period ? "current" : null });
      row.appendChild(el("td", null, p));
      var td = el("td", { "data-testid": "period-count", "data-period": p });
      var n = parseInt(count(p), 10);
      if (n > 0 && /^[0-9]+$/.test(count(p))) td.appendChild(el("span", { "class": "minibar", style: "width:" + Math.max(2, Math.round(60 * n / max)) + "px" }));
      td.appendChild(document.createTextNode(count(p) || "0"));
      row.appendChild(td);
      hard.indicators.forEach(function (ind) {
        var v = ind.values[p];
        row.appendChild(el("td", null, v === undefined ? "" : fmt(v)));
      });
      tbody.appendChild(row);
    });
    table.appendChild(tbody);
  }

  // --- distributions ---------------------------------------------------------------------
  function barRow(grid, sig, answer, index, col) {
    var shown = col.shown[answer.id];
    var share = col.shares[answer.id];
    grid.appendChild(el("div", { "class": "label" }, answer.label));
    var track = el("div", { "class": "track" });
    var fill = el("div", { "class": "fill" + (col.counts[answer.id] === null ? " hidden" : "") });
    if (col.counts[answer.id] !== null) {
      fill.style.width = (share ? share * 100 : 0) + "%";
      fill.style.background = COLORS[index % COLORS.length];
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

  function triangle(corners, points) {
    // corners a (top), b (bottom left), c (bottom right); points: [{comp, color, label}]
    var A = [170, 62], B = [20, 300], C = [320, 300];
    var box = svg("svg", { "class": "triad", viewBox: "0 0 340 362", role: "img" });
    box.appendChild(svg("polygon", { points: A.join(",") + " " + B.join(",") + " " + C.join(","), fill: "#f7f9fb", stroke: "#9aa5b1", "stroke-width": "1.5" }));
    // the 50% lines: the regions where one corner holds half the weight
    function at(a, b, c) { return [a * A[0] + b * B[0] + c * C[0], a * A[1] + b * B[1] + c * C[1]]; }
    [[at(.5, .5, 0), at(.5, 0, .5)], [at(.5, .5, 0), at(0, .5, .5)], [at(0, .5, .5), at(.5, 0, .5)]].forEach(function (seg) {
      box.appendChild(svg("line", { x1: seg[0][0], y1: seg[0][1], x2: seg[1][0], y2: seg[1][1], stroke: "#c9d1da", "stroke-dasharray": "4 4" }));
    });
    box.appendChild(cornerLabel(A[0], A[1] - 10, "middle", corners[0], true));
    box.appendChild(cornerLabel(B[0] - 14, B[1] + 20, "start", corners[1], false));
    box.appendChild(cornerLabel(C[0] + 14, C[1] + 20, "end", corners[2], false));
    var prev = null;
    points.forEach(function (p) {
      if (!p.comp) return;
      var xy = at(p.comp[0], p.comp[1], p.comp[2]);
      if (prev) box.appendChild(svg("line", { x1: prev[0], y1: prev[1], x2: xy[0], y2: xy[1], stroke: "#5f6b7a", "stroke-width": "1.5" }));
      box.appendChild(svg("circle", { cx: xy[0], cy: xy[1], r: 7, fill: p.color, stroke: "#fff", "stroke-width": "2" }));
      var t = svg("title", {}, p.label); box.lastChild.appendChild(t);
      prev = xy;
    });
    return box;
  }

  function renderDistributions() {
    var view = D.views[state.period + "|" + state.perspective];
    document.getElementById("total").textContent = view.total_shown;
    var cards = document.getElementById("dist-cards");
    clear(cards);
    if (view.total === 0) { cards.appendChild(el("p", { "class": "note" }, W.no_stories)); return; }
    D.signifiers.forEach(function (meta, i) {
      var col = view.signifiers[i];
      var card = el("article", { "class": "card", "data-sig": meta.id });
      card.appendChild(el("h3", null, meta.question));
      card.appendChild(el("p", { "class": "meta" }, "n = " + col.n_shown + (meta.type === "multichoice" ? " · " + W.share + " ≠ 100%" : "")));
      var grid = el("div", { "class": "bars" });
      meta.answers.forEach(function (answer, j) { barRow(grid, meta, answer, j, col); });
      card.appendChild(grid);
      if (meta.type === "scale" && col.mean !== null && col.mean !== undefined) {
        var p = el("p", { "class": "extra" }, W.mean + ": ");
        p.appendChild(el("b", { "data-testid": "mean", "data-sig": meta.id }, fmt(col.mean)));
        card.appendChild(p);
      }
      if (meta.type === "triad" && col.composition) {
        var q = el("p", { "class": "extra" }, W.composition + ": ");
        q.appendChild(el("b", { "data-testid": "composition", "data-sig": meta.id },
          col.composition.map(function (c, k) { return meta.corners[k] + " " + Math.round(c * 100) + "%"; }).join(" · ")));
        card.appendChild(q);
        card.appendChild(triangle(meta.corners, [{ comp: col.composition, color: "var(--accent)", label: W.composition }]));
      }
      cards.appendChild(card);
    });
  }

  // --- shifts ----------------------------------------------------------------------------
  function renderShifts() {
    var cards = document.getElementById("shift-cards");
    var empty = document.getElementById("shift-empty");
    clear(cards);
    var result = D.shifts[state.from + "|" + state.to + "|" + state.perspective];
    if (!result) {
      empty.hidden = false;
      empty.textContent = D.periods.length < 2 ? W.too_few : W.from + " < " + W.to;
      document.getElementById("method-note").textContent = "";
      return;
    }
    empty.hidden = true;
    document.getElementById("method-note").textContent = result.method_note;
    result.signifiers.forEach(function (sig) {
      var card = el("article", { "class": "card" + (sig.shifted ? " shifted-yes" : ""), "data-shift-sig": sig.id });
      card.appendChild(el("h3", null, sig.question));
      card.appendChild(el("p", { "class": "meta" }, "n = " + sig.n_from_shown + " → " + sig.n_to_shown));
      var legend = el("p", { "class": "legend" });
      var l1 = el("span"); l1.appendChild(el("i", { style: "background:var(--from)" })); l1.appendChild(document.createTextNode(result.from));
      var l2 = el("span"); l2.appendChild(el("i", { style: "background:var(--accent)" })); l2.appendChild(document.createTextNode(result.to));
      legend.appendChild(l1); legend.appendChild(l2);
      card.appendChild(legend);
      var grid = el("div", { "class": "shift-rows" });
      ["", W.share, W.difference + " (" + W.interval + ")", W.shift].forEach(function (h) { grid.appendChild(el("div", { "class": "head" }, h)); });
      sig.answers.forEach(function (a) {
        grid.appendChild(el("div", { "class": "label" }, a.label));
        var bars = el("div", { "class": "pairbars" });
        [["from", a.from], ["to", a.to]].forEach(function (pair) {
          var wrap = el("div", { "class": pair[0], title: pair[1].shown + " " + pct(pair[1].share) });
          var track = el("div", { "class": "track" });
          var fill = el("div", { "class": "fill" + (pair[1].count === null ? " hidden" : "") });
          if (pair[1].count !== null) fill.style.width = (pair[1].share ? pair[1].share * 100 : 0) + "%";
          track.appendChild(fill); wrap.appendChild(track); bars.appendChild(wrap);
        });
        grid.appendChild(bars);
        var diffText = a.difference === null ? a.from.shown + " → " + a.to.shown
          : signed(a.difference * 100, 0) + " [" + signed(a.interval[0] * 100, 0) + "; " + signed(a.interval[1] * 100, 0) + "]";
        grid.appendChild(el("div", { "class": "diff", "data-testid": "diff", "data-sig": sig.id, "data-answer": a.id }, diffText));
        grid.appendChild(el("div", { "class": "flag " + (a.shift || ""), "data-testid": "flag", "data-sig": sig.id, "data-answer": a.id },
          a.shift === "up" ? "▲ " + W.up : a.shift === "down" ? "▼ " + W.down : ""));
      });
      card.appendChild(grid);
      if (sig.type === "scale" && sig.mean && sig.mean.from !== null && sig.mean.to !== null) {
        var m = sig.mean;
        var text = W.mean + ": " + fmt(m.from) + " → " + fmt(m.to);
        if (m.difference !== null) text += " (" + signed(m.difference, 2) + " [" + signed(m.interval[0], 2) + "; " + signed(m.interval[1], 2) + "])";
        var p = el("p", { "class": "extra" }, text);
        if (m.shift) p.appendChild(el("span", { "class": "flag " + m.shift }, "  " + (m.shift === "up" ? "▲ " + W.up : "▼ " + W.down)));
        card.appendChild(p);
      }
      if (sig.type === "triad" && sig.composition && sig.composition.from && sig.composition.to) {
        card.appendChild(triangle(sig.corners, [
          { comp: sig.composition.from, color: "var(--from)", label: result.from },
          { comp: sig.composition.to, color: "var(--accent)", label: result.to }]));
      }
      var t = sig.test;
      if (t.p !== null) {
        var testText = W.test + ": " + (W["test_" + t.name] || t.name) + ", " + pvalue("p", t.p) + ", " + pvalue(W.p_adjusted, t.p_adjusted);
        card.appendChild(el("p", { "class": "test", "data-testid": "test", "data-sig": sig.id }, testText));
      }
      var notes = sig.notes.slice();
      if (!sig.shifted && t.p !== null) notes.push(W.no_shift);
      if (notes.length) card.appendChild(el("p", { "class": "notes" }, notes.join(" · ")));
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

  function render() {
    renderFilterText();
    renderHard();
    renderDistributions();
    renderShifts();
    renderQuotes();
    document.body.setAttribute("data-ready", "1");
  }

  setupFilters();
  render();
})();
