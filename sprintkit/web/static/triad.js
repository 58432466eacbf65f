/* The story point's triads: a dot in a triangle, dragged with a finger or the mouse, or moved
   with the arrow keys. The three weights (whole percentages adding up to 100) stay in step with
   the number fields the page has without JavaScript, which are hidden here and still sent.
   Also keeps a scale's shown value in step with its slider (unanswered until touched), and
   sends a story once however often Send is tapped. No inline code (strict CSP). */
(function () {
  "use strict";
  var A = [100, 8], B = [8, 168], C = [192, 168];
  var STEP = 4;

  function weightsAt(x, y) {
    var det = (B[1] - C[1]) * (A[0] - C[0]) + (C[0] - B[0]) * (A[1] - C[1]);
    var a = ((B[1] - C[1]) * (x - C[0]) + (C[0] - B[0]) * (y - C[1])) / det;
    var b = ((C[1] - A[1]) * (x - C[0]) + (A[0] - C[0]) * (y - C[1])) / det;
    var w = [a, b, 1 - a - b].map(function (v) { return Math.max(0, v); });
    var total = w[0] + w[1] + w[2];
    return total > 0 ? w.map(function (v) { return v / total; }) : [1 / 3, 1 / 3, 1 / 3];
  }

  function pointOf(w) {
    return [w[0] * A[0] + w[1] * B[0] + w[2] * C[0], w[0] * A[1] + w[1] * B[1] + w[2] * C[1]];
  }

  function percents(w) {
    /* whole percentages adding up to exactly 100 (largest remainder) */
    var raw = w.map(function (v) { return v * 100; });
    var floor = raw.map(Math.floor);
    var left = 100 - floor[0] - floor[1] - floor[2];
    var order = [0, 1, 2].sort(function (i, j) { return (raw[j] - floor[j]) - (raw[i] - floor[i]); });
    for (var k = 0; k < left; k++) { floor[order[k]] += 1; }
    return floor;
  }

  function setUp(box) {
    var picker = box.querySelector("[data-triad-picker]");
    var fields = box.querySelector("[data-triad-fields]");
    var svg = picker.querySelector("svg");
    var dot = picker.querySelector("[data-triad-dot]");
    var live = picker.querySelector("[data-triad-live]");
    var inputs = Array.prototype.slice.call(box.querySelectorAll("[data-triad-weight]"));
    var none = box.getAttribute("data-none");
    var current = null;

    function show(w) {
      current = w;
      if (w === null) {
        dot.classList.add("sp-off");
        inputs.forEach(function (input) { input.value = ""; });
        live.textContent = none;
        return;
      }
      var p = pointOf(w);
      dot.setAttribute("cx", p[0].toFixed(2));
      dot.setAttribute("cy", p[1].toFixed(2));
      dot.classList.remove("sp-off");
      var pct = percents(w);
      inputs.forEach(function (input, i) { input.value = String(pct[i]); });
      live.textContent = inputs.map(function (input, i) {
        return input.getAttribute("data-label") + " " + pct[i] + "%";
      }).join(", ");
    }

    function fromFields() {
      var values = inputs.map(function (input) { return parseFloat(input.value.replace(",", ".")); });
      var total = values[0] + values[1] + values[2];
      if (values.some(function (v) { return isNaN(v) || v < 0; }) || Math.abs(total - 100) > 1.5) {
        return null;
      }
      return values.map(function (v) { return v / total; });
    }

    function toSvg(event) {
      var box = svg.getBoundingClientRect();
      var vb = svg.viewBox.baseVal;
      return [vb.x + (event.clientX - box.left) * vb.width / box.width,
              vb.y + (event.clientY - box.top) * vb.height / box.height];
    }

    var dragging = false;
    svg.addEventListener("pointerdown", function (event) {
      dragging = true;
      if (svg.setPointerCapture) { svg.setPointerCapture(event.pointerId); }
      var p = toSvg(event);
      show(weightsAt(p[0], p[1]));
      svg.focus();
      event.preventDefault();
    });
    svg.addEventListener("pointermove", function (event) {
      if (!dragging) { return; }
      var p = toSvg(event);
      show(weightsAt(p[0], p[1]));
      event.preventDefault();
    });
    function stop() { dragging = false; }
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);

    svg.addEventListener("keydown", function (event) {
      var moves = {ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP]};
      var move = moves[event.key];
      if (event.key === "Home") {
        show([1 / 3, 1 / 3, 1 / 3]);
        event.preventDefault();
        return;
      }
      if (event.key === "Delete" || event.key === "Backspace") {
        show(null);
        event.preventDefault();
        return;
      }
      if (!move) { return; }
      event.preventDefault();
      if (current === null) { show([1 / 3, 1 / 3, 1 / 3]); return; }
      var p = pointOf(current);
      show(weightsAt(p[0] + move[0], p[1] + move[1]));
    });

    picker.querySelector("[data-triad-clear]").addEventListener("click", function () { show(null); });

    fields.hidden = true;
    picker.hidden = false;
    show(fromFields());
  }

  function scales() {
    /* a slider counts as answered only once it is touched (its middle is no default answer):
       until then it has no name, so the form does not send it */
    var keys = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"];
    Array.prototype.forEach.call(document.querySelectorAll("[data-scale-output]"), function (out) {
      var input = document.getElementById(out.getAttribute("data-scale-output"));
      if (!input) { return; }
      var name = input.getAttribute("name");
      function answered() {
        input.setAttribute("name", name);
        input.classList.remove("sp-untouched");
        out.value = input.value;
        out.textContent = input.value;
      }
      if (out.getAttribute("data-given") !== "1") {
        input.removeAttribute("name");
        input.classList.add("sp-untouched");
        out.textContent = out.getAttribute("data-none");
      }
      input.addEventListener("input", answered);
      input.addEventListener("change", answered);
      input.addEventListener("pointerdown", answered);
      input.addEventListener("keydown", function (event) {
        if (keys.indexOf(event.key) >= 0) { answered(); }
      });
    });
  }

  function oneSend() {
    /* a double tap on Send stores the story once */
    Array.prototype.forEach.call(document.querySelectorAll("form.sp-form"), function (form) {
      var button = form.querySelector("button[type=submit]");
      form.addEventListener("submit", function (event) {
        if (form.getAttribute("data-sending") === "1") { event.preventDefault(); return; }
        form.setAttribute("data-sending", "1");
        if (button) { button.setAttribute("aria-disabled", "true"); }
      });
      window.addEventListener("pageshow", function () {
        form.removeAttribute("data-sending");
        if (button) { button.removeAttribute("aria-disabled"); }
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-triad]"), setUp);
    scales();
    oneSend();
    var errors = document.getElementById("sp-errors");
    if (errors) { errors.focus(); }  /* what to fix comes first, also for a screen reader */
    document.body.setAttribute("data-ready", "1");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
