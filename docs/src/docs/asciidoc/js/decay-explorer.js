// The interactive figure of the decay chapter: two sliders (gain g = rho(W_hh), horizon T) redraw the linear
// prediction rho^k and the decay measured at build time (embedded as JSON beside the controls). Plain DOM and SVG,
// no library; without scripts the page keeps the static figure above the (hidden) controls.
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var W = 720, H = 420, M = { left: 64, right: 20, top: 16, bottom: 78 };
  var RED = '#C0392B', BLUE = '#2471A3', GRID = '#DDDDDD', INK = '#404040';

  function el(name, attrs, text) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // Round numbers for axis ticks: 1, 2 or 5 times a power of ten, about `count` of them over [lo, hi].
  function ticks(lo, hi, count) {
    var raw = (hi - lo) / count, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (f) { return f * mag; }).find(function (s) { return s >= raw; });
    var out = [];
    for (var v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) { out.push(Math.round(v / step) * step); }
    return out;
  }

  // Appends text and superscripts to `parent`: parts alternate between plain text and superscript text.
  function write(parent, parts) {
    while (parent.firstChild) { parent.removeChild(parent.firstChild); }
    parts.forEach(function (p, i) {
      if (i % 2) { var sup = document.createElement('sup'); sup.textContent = p; parent.appendChild(sup); }
      else { parent.appendChild(document.createTextNode(p)); }
    });
  }

  function exponent(x) {
    return (x < 0 ? '\u2212' : '') + Math.abs(x).toFixed(1);
  }

  function draw(svg, data, gi, horizon) {
    var g = data.gains[gi], measured = data.measured[gi].slice(0, horizon + 1);
    var linear = measured.map(function (_, k) { return k * Math.log10(g); });
    var all = measured.concat(linear);
    var lo = Math.min.apply(null, all), hi = Math.max.apply(null, all);
    if (hi - lo < 0.5) { hi += 0.25; lo -= 0.25; }
    var pad = 0.05 * (hi - lo);
    lo -= pad; hi += pad;
    var x = function (k) { return M.left + k / horizon * (W - M.left - M.right); };
    var y = function (v) { return M.top + (hi - v) / (hi - lo) * (H - M.top - M.bottom); };
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    svg.appendChild(el('rect', { x: 0, y: 0, width: W, height: H, fill: 'white' }));
    ticks(lo, hi, 8).forEach(function (v) {
      svg.appendChild(el('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), stroke: GRID }));
      svg.appendChild(el('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 12, fill: INK },
        v.toFixed(Math.abs(v) < 10 && hi - lo < 4 ? 1 : 0).replace('-', '\u2212')));
    });
    ticks(0, horizon, 10).forEach(function (k) {
      svg.appendChild(el('line', { x1: x(k), x2: x(k), y1: M.top, y2: H - M.bottom, stroke: GRID }));
      svg.appendChild(el('text', { x: x(k), y: H - M.bottom + 16, 'text-anchor': 'middle', 'font-size': 12, fill: INK }, k));
    });
    svg.appendChild(el('rect', { x: M.left, y: M.top, width: W - M.left - M.right, height: H - M.top - M.bottom,
      fill: 'none', stroke: '#999' }));
    svg.appendChild(el('text', { x: (W + M.left) / 2, y: H - M.bottom + 34, 'text-anchor': 'middle', 'font-size': 13,
      fill: INK }, 'steps back k'));
    svg.appendChild(el('text', { x: 16, y: (H - M.bottom) / 2, 'text-anchor': 'middle', 'font-size': 13, fill: INK,
      transform: 'rotate(-90 16 ' + (H - M.bottom) / 2 + ')' }, 'log\u2081\u2080 norm relative to k = 0'));
    [[linear, RED, '6 4', '\u03c1\u1d4f (linear network), \u03c1 = ' + g.toFixed(2)],
     [measured, BLUE, '', 'tanh RNN, measured']].forEach(function (s, i) {
      var d = s[0].map(function (v, k) { return (k ? 'L' : 'M') + x(k).toFixed(1) + ',' + y(v).toFixed(1); }).join('');
      svg.appendChild(el('path', { d: d, fill: 'none', stroke: s[1], 'stroke-width': 2, 'stroke-dasharray': s[2],
        'class': i ? 'measured' : 'linear' }));
      var ly = H - 30 + 16 * i;
      svg.appendChild(el('line', { x1: M.left, x2: M.left + 28, y1: ly - 4, y2: ly - 4,
        stroke: s[1], 'stroke-width': 2, 'stroke-dasharray': s[2] }));
      svg.appendChild(el('text', { x: M.left + 34, y: ly, 'font-size': 12, fill: INK }, s[3]));
    });
    return { linear: linear[horizon], measured: measured[horizon] };
  }

  function start() {
    var box = document.getElementById('decay-explorer');
    var source = document.getElementById('decay-explorer-data');
    var figure = box && document.getElementById(box.getAttribute('data-figure'));
    var img = figure && figure.querySelector('img');
    if (!box || !source || !img) { return; }
    var data = JSON.parse(source.textContent);
    W = Math.max(340, Math.min(720, figure.clientWidth || 720));
    H = Math.round(W * 0.6) + 40;
    M.left = W < 500 ? 52 : 64;
    var svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img',
      'aria-label': 'Linear prediction and measured gradient decay for the chosen gain', 'class': 'explorer-plot',
      'font-family': 'DejaVu Sans, Verdana, sans-serif' });
    var gain = document.getElementById('decay-explorer-gain');
    var horizon = document.getElementById('decay-explorer-horizon');
    var readout = document.getElementById('decay-explorer-readout');
    function update() {
      var gi = Number(gain.value), t = Number(horizon.value), g = data.gains[gi];
      var v = draw(svg, data, gi, t);
      document.getElementById('decay-explorer-gain-value').textContent = g.toFixed(2);
      document.getElementById('decay-explorer-horizon-value').textContent = t;
      write(readout, ['T = ' + t + ' steps back: \u03c1', 'T', ' = ' + g.toFixed(2), String(t), ' = 10',
        exponent(v.linear), '; the tanh network measured 10', exponent(v.measured), ', '
        + (v.linear - v.measured).toFixed(1) + ' orders of magnitude below the linear prediction.']);
    }
    img.parentNode.insertBefore(svg, img);
    img.style.display = 'none';
    box.hidden = false;
    gain.addEventListener('input', update);
    horizon.addEventListener('input', update);
    update();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
