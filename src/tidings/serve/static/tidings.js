/* tidings dashboard: the events-over-time chart and the actor network as SVG, and the article
   page's links between highlighted words and their explanations. No libraries, no network. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var QUAD_COLOURS = { "1": "#2f80c8", "2": "#1e9e6a", "3": "#e0912b", "4": "#c8392f", "0": "#9aa3ad" };

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function readJSON(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }
  function svgRoot(container, width, height) {
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, preserveAspectRatio: "xMidYMid meet", role: "img" });
    container.innerHTML = "";
    container.appendChild(svg);
    return svg;
  }
  function emptyNote(svg, width, height, text) {
    el("text", { x: width / 2, y: height / 2, "text-anchor": "middle", "class": "empty-note" }, svg).textContent = text;
  }

  /* -- events over time: stacked bars by quad class ------------------------------------- */
  function drawTimeline() {
    var box = document.getElementById("timeline");
    var data = readJSON("timeline-data");
    if (!box || !data) return;
    var W = 960, H = 240, L = 40, R = 10, T = 10, B = 34;
    var svg = svgRoot(box, W, H);
    var series = data.series || [];
    var unit = document.getElementById("timeline-unit");
    if (unit) unit.textContent = "events per " + data.unit;
    if (!series.length) { emptyNote(svg, W, H, "No dated events yet."); return; }
    var max = Math.max.apply(null, series.map(function (d) { return d.total; })) || 1;
    var step = (W - L - R) / series.length, bar = Math.max(1, Math.min(40, step * 0.8));
    var ticks = max <= 5 ? max : 4;
    for (var i = 0; i <= ticks; i++) {
      var v = Math.round(max * i / ticks), y = H - B - (H - B - T) * v / max;
      el("line", { x1: L, x2: W - R, y1: y, y2: y, "class": "grid-line" }, svg);
      el("text", { x: L - 6, y: y + 3, "text-anchor": "end", "class": "axis" }, svg).textContent = v;
    }
    var every = Math.ceil(series.length / 12);
    series.forEach(function (d, n) {
      var x = L + n * step + (step - bar) / 2, base = H - B;
      var g = el("g", { "class": "day", "data-date": d.date }, svg);
      ["1", "2", "3", "4", "0"].forEach(function (q) {
        if (!d[q]) return;
        var h = (H - B - T) * d[q] / max;
        base -= h;
        el("rect", { x: x, y: base, width: bar, height: h, fill: QUAD_COLOURS[q] }, g);
      });
      var names = data.quad_names || {};
      el("title", {}, g).textContent = d.date + ": " + d.total + " events" + ["1", "2", "3", "4"].filter(function (q) { return d[q]; })
        .map(function (q) { return "\n" + (names[q] || q) + ": " + d[q]; }).join("");
      if (n % every === 0) {
        el("text", { x: x + bar / 2, y: H - B + 14, "text-anchor": "middle", "class": "axis" }, svg).textContent = d.date;
      }
    });
  }

  /* -- actor network: a small force layout, deterministic ---------------------------------- */
  function goldsteinColour(g) {
    if (g === null || g === undefined) return "#9aa3ad";
    if (g >= 0) return g >= 3 ? "#1e9e6a" : "#2f80c8";
    return g <= -5 ? "#c8392f" : "#e0912b";
  }
  function layout(nodes, edges, W, H) {
    /* Fruchterman-Reingold with gravity towards the centre (keeps separate components on screen),
       a cooling temperature, and a deterministic start on a circle: the same data, the same picture. */
    var n = nodes.length, index = {}, cx = W / 2, cy = H / 2;
    nodes.forEach(function (d, i) {
      index[d.id] = i;
      var a = 2 * Math.PI * i / Math.max(1, n), r = 0.35 * Math.min(W, H) * (0.5 + 0.5 * ((i * 7) % 11) / 11);
      d.x = cx + Math.cos(a) * r * W / H; d.y = cy + Math.sin(a) * r;
    });
    var k = 0.6 * Math.sqrt((W * H) / Math.max(1, n)), temp = W / 8, steps = 350;
    for (var it = 0; it < steps; it++) {
      nodes.forEach(function (d) { d.dx = 0; d.dy = 0; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
          var f = k * k / d;
          a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
        }
      }
      edges.forEach(function (e) {
        var a = nodes[index[e.source]], b = nodes[index[e.target]];
        if (!a || !b) return;
        var dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01, f = d * d / k;
        a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
      });
      nodes.forEach(function (d) {
        var gx = cx - d.x, gy = (cy - d.y) * W / H, g = Math.sqrt(gx * gx + gy * gy) || 0.01;
        var pull = 0.15 * g * g / k;
        d.dx += gx / g * pull; d.dy += gy / g * pull;
        var m = Math.sqrt(d.dx * d.dx + d.dy * d.dy) || 0.01, step = Math.min(m, temp);
        d.x = Math.max(30, Math.min(W - 130, d.x + d.dx / m * step));
        d.y = Math.max(20, Math.min(H - 20, d.y + d.dy / m * step));
      });
      temp = Math.max(0.5, temp * 0.985);
    }
    return index;
  }
  function shortLabel(d) {
    var label = d.label || d.id;
    if (label.length > 24) label = label.slice(0, 22) + "\u2026";
    return label.toUpperCase() === String(d.id).toUpperCase() ? label : label + " (" + d.id + ")";
  }
  function drawNetwork() {
    var box = document.getElementById("network");
    var data = readJSON("network-data");
    if (!box || !data) return;
    var W = 1100, H = 560;
    var svg = svgRoot(box, W, H);
    var nodes = data.nodes || [], edges = data.edges || [];
    if (!nodes.length) { emptyNote(svg, W, H, "No events with both a source and a target yet."); return; }
    var defs = el("defs", {}, svg);
    ["#1e9e6a", "#2f80c8", "#e0912b", "#c8392f", "#9aa3ad"].forEach(function (c) {
      var m = el("marker", { id: "arrow" + c.slice(1), viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9,
        markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
      el("path", { d: "M0,0 L10,5 L0,10 z", fill: c }, m);
    });
    var index = layout(nodes, edges, W, H);
    var maxEdge = Math.max.apply(null, edges.map(function (e) { return e.events; })) || 1;
    var maxNode = Math.max.apply(null, nodes.map(function (d) { return d.events; })) || 1;
    function radius(d) { return 5 + 13 * Math.sqrt(d.events / maxNode); }
    var edgeLayer = el("g", { "class": "edges" }, svg), nodeLayer = el("g", { "class": "nodes" }, svg);
    edges.forEach(function (e) {
      var a = nodes[index[e.source]], b = nodes[index[e.target]];
      if (!a || !b) return;
      var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var back = edges.some(function (o) { return o.source === e.target && o.target === e.source; });
      var bend = back ? 0.18 : 0, mx = (a.x + b.x) / 2 - dy * bend, my = (a.y + b.y) / 2 + dx * bend;
      var span = Math.hypot(b.x - mx, b.y - my) || 1, rb = Math.min(radius(b) + 3, span / 2),
        ex = b.x - (b.x - mx) / span * rb, ey = b.y - (b.y - my) / span * rb;
      var colour = goldsteinColour(e.goldstein);
      var path = el("path", { d: "M" + a.x + "," + a.y + " Q" + mx + "," + my + " " + ex + "," + ey,
        "class": "edge", stroke: colour, "stroke-width": 1 + 5 * e.events / maxEdge,
        "marker-end": "url(#arrow" + colour.slice(1) + ")", "data-source": e.source, "data-target": e.target }, edgeLayer);
      el("title", {}, path).textContent = e.source + " \u2192 " + e.target + ": " + e.events + " events (" +
        Object.keys(e.types).map(function (t) { return t + " " + e.types[t]; }).join(", ") + ")" +
        (e.goldstein !== null ? "\nmean Goldstein " + e.goldstein : "");
    });
    nodes.forEach(function (d) {
      var g = el("g", { "class": "node", "data-id": d.id, transform: "translate(" + d.x + "," + d.y + ")" }, nodeLayer);
      el("circle", { r: radius(d), fill: "#5b7fb8" }, g);
      el("text", { x: radius(d) + 3, y: 4 }, g).textContent = shortLabel(d);
      el("title", {}, g).textContent = d.label + " (" + d.id + "): " + d.events + " events\nclick: list them";
      g.addEventListener("mouseenter", function () { focusNode(box, d.id); });
      g.addEventListener("mouseleave", function () { focusNode(box, null); });
      g.addEventListener("click", function () { window.location.href = "/events?actor=" + encodeURIComponent(d.id); });
    });
  }
  function focusNode(box, id) {
    box.classList.toggle("focus", !!id);
    var near = {};
    if (id) near[id] = true;
    box.querySelectorAll(".edge").forEach(function (p) {
      var on = !!id && (p.getAttribute("data-source") === id || p.getAttribute("data-target") === id);
      p.classList.toggle("on", on);
      if (on) { near[p.getAttribute("data-source")] = true; near[p.getAttribute("data-target")] = true; }
    });
    box.querySelectorAll(".node").forEach(function (g) { g.classList.toggle("on", !!near[g.getAttribute("data-id")]); });
  }

  /* -- article page ------------------------------------------------------------------------ */
  function light(ref, on) {
    if (!ref) return;
    document.querySelectorAll('[data-ref="' + CSS.escape(ref) + '"]').forEach(function (n) { n.classList.toggle("lit", on); });
  }
  function inspect(target) {
    var body = document.getElementById("inspector-body");
    if (!body) return;
    var cards = [], node = target;
    while (node && node.id !== "article-text") {
      if (node.classList && node.classList.contains("hl")) {
        cards.push("<div class=\"card\"><b>" + node.getAttribute("data-layer") + "</b>" +
          escapeHTML(node.getAttribute("title") || node.getAttribute("data-title") || "") + "</div>");
      }
      node = node.parentNode;
    }
    body.innerHTML = cards.join("") || "<p class=\"hint\">Nothing found here.</p>";
  }
  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }
  function wireArticle() {
    var text = document.getElementById("article-text");
    if (!text) return;
    text.addEventListener("mouseover", function (ev) {
      var hl = ev.target.closest(".hl");
      if (!hl) return;
      inspect(ev.target);
      light(hl.getAttribute("data-ref"), true);
    });
    text.addEventListener("mouseout", function (ev) {
      var hl = ev.target.closest(".hl");
      if (hl) light(hl.getAttribute("data-ref"), false);
    });
    text.addEventListener("click", function (ev) {
      var hl = ev.target.closest(".hl");
      if (!hl) return;
      var item = document.getElementById(hl.getAttribute("data-ref"));
      if (item) item.scrollIntoView({ block: "nearest", behavior: "smooth" });
    });
    document.querySelectorAll(".explain .item[data-ref]").forEach(function (item) {
      var ref = item.getAttribute("data-ref");
      var also = (item.getAttribute("data-also") || "").split(" ").filter(Boolean);
      function all(on) { light(ref, on); also.forEach(function (r) { light(r, on); }); }
      item.addEventListener("mouseenter", function () { all(true); });
      item.addEventListener("mouseleave", function () { all(false); });
      item.addEventListener("click", function () {
        var first = text.querySelector('[data-ref="' + CSS.escape(ref) + '"]');
        if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); inspect(first); }
      });
    });
    document.querySelectorAll("#layer-toggles input[data-layer]").forEach(function (box) {
      box.addEventListener("change", function () {
        document.body.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked);
      });
    });
    if (window.location.hash) light(window.location.hash.slice(1), true);
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawTimeline();
    drawNetwork();
    wireArticle();
    document.documentElement.setAttribute("data-ready", "1");
  });
})();
