/* The overview strip: how many events fall in each period, above the timeline and on actor pages.
 *
 * The container (generator/site/templates/partials/overview.html) names the filters' index
 * (timeline/index.json) and, on an actor page, the actor. uPlot (vendored in
 * assets/vendor/uplot/, loaded only where a strip is) draws the bars and axes on a canvas; the
 * binning, zoom and brush are here.
 *
 * Bins follow the visible span: decades, years, months, weeks (from Monday) or days, as many as
 * the width holds. An event counts in a bin when its whole date lies in it; an event dated only
 * to a year or a month, at a finer zoom, lies in several bins: it is drawn in each of them as the
 * pale top of the bar ("may be here"), never put on an invented day. Binning is one pass over the
 * events. A drag (mouse or touch) or a click on the bars sets the timeline's From/To filter
 * through its own inputs (their input and change events, so timeline.js filters and the URL
 * follows); the strip shows the filter set by any means. On an actor page the range is a link to
 * the timeline filtered to the actor and those dates.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var MIN_BAR_PX = 9; /* the narrowest bar the bins are chosen for */
  var MIN_SPAN_DAYS = 14;
  var DRAG_PX = 4; /* a pointer that moved less than this clicked */
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
  ];
  var DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

  function dayOf(year, month, day) {
    return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
  }

  function isoDay(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function plural(count, noun) {
    return count + " " + noun + (count === 1 ? "" : "s");
  }

  /* The bin units, finest first. key(): the bin of a day given as (year, month, day number);
   * start(): the first day of bin `key`; from()/to(): the filter text of the bin's first and last day. */
  var UNITS = [
    {
      name: "day",
      days: 1,
      key: function (y, m, day) {
        return day;
      },
      start: function (key) {
        return key;
      },
      label: function (key) {
        var date = new Date(key * DAY_MS);
        return date.getUTCDate() + " " + MONTH_NAMES[date.getUTCMonth()] + " " + date.getUTCFullYear();
      },
      from: isoDay,
      to: isoDay,
    },
    {
      name: "week",
      days: 7,
      /* day 0 (1970-01-01) is a Thursday: weeks start on day 4, a Monday */
      key: function (y, m, day) {
        return Math.floor((day + 3) / 7);
      },
      start: function (key) {
        return key * 7 - 3;
      },
      label: function (key) {
        return "Week of " + UNITS[0].label(key * 7 - 3);
      },
      from: function (key) {
        return isoDay(key * 7 - 3);
      },
      to: function (key) {
        return isoDay(key * 7 + 3);
      },
    },
    {
      name: "month",
      days: 30.44,
      key: function (y, m) {
        return y * 12 + m - 1;
      },
      start: function (key) {
        return dayOf(Math.floor(key / 12), (key % 12) + 1, 1);
      },
      label: function (key) {
        return MONTH_NAMES[key % 12] + " " + Math.floor(key / 12);
      },
      from: function (key) {
        return Math.floor(key / 12) + "-" + pad((key % 12) + 1);
      },
      to: function (key) {
        return Math.floor(key / 12) + "-" + pad((key % 12) + 1);
      },
    },
    {
      name: "year",
      days: 365.25,
      key: function (y) {
        return y;
      },
      start: function (key) {
        return dayOf(key, 1, 1);
      },
      label: String,
      from: String,
      to: String,
    },
    {
      name: "decade",
      days: 3652.5,
      key: function (y) {
        return Math.floor(y / 10);
      },
      start: function (key) {
        return dayOf(key * 10, 1, 1);
      },
      label: function (key) {
        return key * 10 + "s";
      },
      from: function (key) {
        return String(key * 10);
      },
      to: function (key) {
        return String(key * 10 + 9);
      },
    },
  ];

  /* The events' first and last days as numbers, read once from the index; `actor` keeps one actor's. */
  function readEvents(index, actor) {
    var number = -1;
    if (actor) {
      for (var a = 0; a < index.actors.length; a++) if (index.actors[a][1] === actor) number = a;
    }
    var entries = index.events;
    var n = 0;
    var events = {
      startYear: new Int32Array(entries.length),
      startMonth: new Int32Array(entries.length),
      startDay: new Int32Array(entries.length),
      endYear: new Int32Array(entries.length),
      endMonth: new Int32Array(entries.length),
      endDay: new Int32Array(entries.length),
      length: 0,
    };
    for (var i = 0; i < entries.length; i++) {
      var entry = entries[i];
      if (actor && entry[3].indexOf(number) < 0) continue;
      var start = entry[1];
      var end = entry[2];
      var sy = +start.slice(0, 4);
      var sm = +start.slice(5, 7);
      var ey = +end.slice(0, 4);
      var em = +end.slice(5, 7);
      events.startYear[n] = sy;
      events.startMonth[n] = sm;
      events.startDay[n] = dayOf(sy, sm, +start.slice(8, 10));
      events.endYear[n] = ey;
      events.endMonth[n] = em;
      events.endDay[n] = dayOf(ey, em, +end.slice(8, 10));
      n++;
    }
    events.length = n;
    return events;
  }

  function extent(events) {
    var first = Infinity;
    var last = -Infinity;
    for (var i = 0; i < events.length; i++) {
      if (events.startDay[i] < first) first = events.startDay[i];
      if (events.endDay[i] > last) last = events.endDay[i];
    }
    return { start: first, end: last + 1 };
  }

  function keyOfDay(unit, day) {
    var date = new Date(day * DAY_MS);
    return unit.key(date.getUTCFullYear(), date.getUTCMonth() + 1, day);
  }

  /* One pass: the events whose whole date is in a bin (certain) and those whose date spans it and
   * more (possible, through a difference array over the bins each spans). */
  function bin(events, unit, view) {
    var first = keyOfDay(unit, view.start);
    var last = keyOfDay(unit, view.end - 1);
    var size = last - first + 1;
    var certain = new Float64Array(size);
    var spans = new Float64Array(size + 1);
    for (var i = 0; i < events.length; i++) {
      var from = unit.key(events.startYear[i], events.startMonth[i], events.startDay[i]);
      var to = unit.key(events.endYear[i], events.endMonth[i], events.endDay[i]);
      if (to < first || from > last) continue;
      if (from === to) {
        certain[from - first]++;
      } else {
        spans[Math.max(from, first) - first]++;
        spans[Math.min(to, last) - first + 1]--;
      }
    }
    var starts = new Array(size + 1);
    var possible = new Array(size);
    var top = new Array(size);
    var running = 0;
    for (var k = 0; k < size; k++) {
      running += spans[k];
      starts[k] = unit.start(first + k);
      possible[k] = running;
      top[k] = certain[k] + running;
    }
    starts[size] = unit.start(last + 1);
    return { unit: unit, first: first, starts: starts, certain: Array.from(certain), possible: possible, top: top };
  }

  function chooseUnit(spanDays, width) {
    var most = Math.max(8, Math.floor(width / MIN_BAR_PX));
    for (var i = 0; i < UNITS.length; i++) if (spanDays / UNITS[i].days <= most) return UNITS[i];
    return UNITS[UNITS.length - 1];
  }

  /* Axis ticks: the first of these steps whose labels stay `space` pixels apart. */
  var TICKS = [
    { unit: 0, step: 1 },
    { unit: 1, step: 1 },
    { unit: 2, step: 1 },
    { unit: 2, step: 3 },
    { unit: 3, step: 1 },
    { unit: 3, step: 2 },
    { unit: 3, step: 5 },
    { unit: 4, step: 1 },
    { unit: 4, step: 2 },
    { unit: 4, step: 5 },
    { unit: 4, step: 10 },
  ];

  function ticks(min, max, width, space) {
    var perDay = width / Math.max(1, max - min);
    var choice = TICKS[TICKS.length - 1];
    for (var i = 0; i < TICKS.length; i++) {
      if (UNITS[TICKS[i].unit].days * TICKS[i].step * perDay >= space) {
        choice = TICKS[i];
        break;
      }
    }
    var unit = UNITS[choice.unit];
    var key = keyOfDay(unit, Math.ceil(min));
    key = Math.ceil(key / choice.step) * choice.step;
    var days = [];
    for (var start = unit.start(key); start <= max; key += choice.step, start = unit.start(key)) {
      /* a label at the right edge would be cut off */
      if (start >= min && (start - min) * perDay <= width - 16) days.push(start);
    }
    return { unit: choice.unit, days: days };
  }

  function tickLabel(day, unitIndex, previous) {
    var date = new Date(day * DAY_MS);
    var year = date.getUTCFullYear();
    if (unitIndex >= 3) return String(year);
    var newYear = previous === null || new Date(previous * DAY_MS).getUTCFullYear() !== year;
    var month = MONTHS[date.getUTCMonth()];
    if (unitIndex === 2) return newYear ? month + "\n" + year : month;
    return date.getUTCDate() + " " + month + (newYear ? "\n" + year : "");
  }

  /* "1969", "1969-07" or "1969-07-20" as [first day, day after the last], or null. */
  function filterBounds(text) {
    var match = DATE.exec(text.trim());
    if (!match) return null;
    var year = +match[1];
    if (match[3]) {
      var day = dayOf(year, +match[2], +match[3]);
      return [day, day + 1];
    }
    if (match[2]) return [dayOf(year, +match[2], 1), dayOf(year, +match[2] + 1, 1)];
    return [dayOf(year, 1, 1), dayOf(year + 1, 1, 1)];
  }

  function Overview(container) {
    this.container = container;
    this.actor = container.getAttribute("data-actor") || "";
    this.form = this.actor ? null : document.getElementById("tl-filters");
    this.fields = this.form
      ? { from: this.form.querySelector("#tl-from"), to: this.form.querySelector("#tl-to") }
      : null;
    this.plot = null;
    this.selection = null; /* {start, end} in days, end excluded */
    this.timings = {};
    this.build();
  }

  Overview.prototype.build = function () {
    var box = this.container;
    var self = this;
    box.textContent = "";
    var bar = document.createElement("div");
    bar.className = "tl-overview-bar";
    var title = document.createElement("h2");
    title.className = "tl-overview-title";
    title.id = "tl-overview-title";
    title.textContent = "Events over time";
    bar.appendChild(title);
    this.unitLabel = document.createElement("span");
    this.unitLabel.className = "tl-overview-unit";
    bar.appendChild(this.unitLabel);
    this.buttons = {};
    var buttons = document.createElement("div");
    buttons.className = "tl-overview-buttons";
    [
      ["earlier", "‹", "Earlier", function () { self.pan(-0.5); }],
      ["zoom-out", "−", "Zoom out", function () { self.zoom(2); }],
      ["zoom-in", "+", "Zoom in", function () { self.zoom(0.5); }],
      ["later", "›", "Later", function () { self.pan(0.5); }],
      ["reset", "All", "Show the whole span", function () { self.reset(); }],
      ["clear", "Clear dates", "Clear the date range", function () { self.commit(null); }],
    ].forEach(function (spec) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tl-overview-" + spec[0];
      button.textContent = spec[1];
      button.title = spec[2];
      button.setAttribute("aria-label", spec[2]);
      button.addEventListener("click", spec[3]);
      buttons.appendChild(button);
      self.buttons[spec[0]] = button;
    });
    bar.appendChild(buttons);
    box.appendChild(bar);
    this.chart = document.createElement("div");
    this.chart.className = "tl-overview-chart";
    this.chart.setAttribute("aria-hidden", "true");
    box.appendChild(this.chart);
    this.readout = document.createElement("p");
    this.readout.className = "tl-overview-readout";
    box.appendChild(this.readout);
    this.status = document.createElement("p");
    this.status.className = "tl-overview-status";
    this.status.setAttribute("aria-live", "polite");
    box.appendChild(this.status);
    this.table = document.createElement("table");
    this.table.className = "tl-overview-table";
    box.appendChild(this.table);
    box.setAttribute("role", "region");
    box.setAttribute("aria-labelledby", title.id);
    this.probe = {};
    ["certain", "axis", "grid"].forEach(function (role) {
      var probe = document.createElement("span");
      probe.className = "tl-overview-probe tl-overview-" + role;
      box.appendChild(probe);
      self.probe[role] = probe;
    });
  };

  Overview.prototype.useIndex = function (index) {
    var started = performance.now();
    this.events = readEvents(index, this.actor);
    this.timings.read_ms = performance.now() - started;
    if (!this.events.length) return;
    this.full = extent(this.events);
    this.container.hidden = false;
    this.view = this.fullView();
    this.selection = this.filterSelection();
    this.draw();
    this.bindPage();
    this.timings.first_draw_ms = performance.now() - started;
    this.timings.since_navigation_ms = performance.now();
    this.container.setAttribute("data-ready", "");
  };

  Overview.prototype.width = function () {
    return Math.max(200, this.chart.clientWidth || this.container.clientWidth);
  };

  Overview.prototype.plotWidth = function () {
    return this.width() - 44; /* the y axis */
  };

  /* The whole span, widened to the edges of its bins. */
  Overview.prototype.fullView = function () {
    var full = this.full;
    var unit = chooseUnit(full.end - full.start, this.plotWidth());
    return {
      start: unit.start(keyOfDay(unit, full.start)),
      end: unit.start(keyOfDay(unit, full.end - 1) + 1),
    };
  };

  Overview.prototype.colors = function () {
    var style = function (probe) {
      return getComputedStyle(probe).color;
    };
    var certain = style(this.probe.certain);
    var rgb = (certain.match(/[\d.]+/g) || [0, 0, 0]).slice(0, 3).join(", ");
    return {
      certain: certain,
      possible: "rgba(" + rgb + ", 0.35)",
      axis: style(this.probe.axis),
      grid: style(this.probe.grid),
      font: "12px " + getComputedStyle(this.container).fontFamily,
    };
  };

  /* Bars from each bin's first day to the next bin's, 0 to the series' value. */
  function barPaths(u, seriesIndex, starts) {
    var path = new Path2D();
    var values = u.data[seriesIndex];
    var base = u.valToPos(0, "y", true);
    var gap = u.bbox.width / (starts.length - 1) > 6 ? Math.max(1, Math.round(devicePixelRatio)) : 0;
    for (var i = 0; i < values.length; i++) {
      if (!values[i]) continue;
      var left = u.valToPos(starts[i], "x", true);
      var right = u.valToPos(starts[i + 1], "x", true) - gap;
      var top = u.valToPos(values[i], "y", true);
      path.rect(left, top, Math.max(1, right - left), base - top);
    }
    return { stroke: null, fill: path, clip: null, band: null, gaps: null, flags: 0 };
  }

  Overview.prototype.draw = function () {
    var started = performance.now();
    var view = this.view;
    var unit = chooseUnit(view.end - view.start, this.plotWidth());
    var bins = bin(this.events, unit, view);
    this.bins = bins;
    this.timings.bin_ms = performance.now() - started;
    var data = [bins.starts.slice(0, -1), bins.top, bins.certain];
    if (this.plot) {
      this.plot.setData(data);
    } else {
      this.create(data);
    }
    this.plot.setScale("x", { min: view.start, max: view.end });
    this.describe();
    this.timings.draw_ms = performance.now() - started;
  };

  Overview.prototype.create = function (data) {
    var self = this;
    var colors = this.colors();
    var narrow = this.width() < 500;
    function bars(u, seriesIndex) {
      return barPaths(u, seriesIndex, self.bins.starts);
    }
    var options = {
      width: this.width(),
      height: narrow ? 120 : 140,
      legend: { show: false },
      padding: [8, 8, 0, 0],
      cursor: {
        x: true,
        y: false,
        points: { show: false },
        drag: { x: false, y: false, setScale: false },
        bind: { dblclick: function () { return null; } },
      },
      select: { show: true, over: true },
      scales: {
        x: {
          time: false,
          auto: false,
          range: function () {
            return [self.view.start, self.view.end];
          },
        },
        y: {
          range: function (u, min, max) {
            return [0, Math.max(1, max) * 1.08];
          },
        },
      },
      axes: [
        {
          stroke: colors.axis,
          font: colors.font,
          grid: { show: false },
          ticks: { stroke: colors.grid, size: 4 },
          size: 38,
          space: 64,
          splits: function (u, axisIndex, min, max) {
            self.tickUnit = ticks(min, max, u.bbox.width / devicePixelRatio, narrow ? 56 : 68);
            return self.tickUnit.days;
          },
          values: function (u, splits) {
            var unitIndex = self.tickUnit.unit;
            return splits.map(function (day, i) {
              return tickLabel(day, unitIndex, i ? splits[i - 1] : null);
            });
          },
        },
        {
          stroke: colors.axis,
          font: colors.font,
          size: 44,
          grid: { stroke: colors.grid, width: 1 },
          ticks: { show: false },
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000],
          values: function (u, splits) {
            return splits.map(String);
          },
        },
      ],
      series: [
        {},
        { label: "may be here", fill: colors.possible, stroke: colors.possible, width: 0, paths: bars, points: { show: false } },
        { label: "events", fill: colors.certain, stroke: colors.certain, width: 0, paths: bars, points: { show: false } },
      ],
      hooks: {
        /* uPlot applies new scales when it draws: the range follows them there */
        draw: [
          function () {
            self.showSelection();
          },
        ],
        setCursor: [
          function (u) {
            self.hover(u.cursor.left);
          },
        ],
      },
    };
    this.plot = new uPlot(options, data, this.chart);
    this.bindPlot();
  };

  /* The bin under x (CSS pixels in the plot), or -1. */
  Overview.prototype.binAt = function (x) {
    if (!this.plot || x == null || x < 0) return -1;
    var day = this.plot.posToVal(x, "x");
    var starts = this.bins.starts;
    var low = 0;
    var high = starts.length - 2;
    if (day < starts[0] || day >= starts[starts.length - 1]) return -1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= day) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  Overview.prototype.binText = function (i) {
    var bins = this.bins;
    var text = bins.unit.label(bins.first + i) + ": " + plural(bins.certain[i], "event");
    if (bins.possible[i]) text += ", and " + bins.possible[i] + " dated only to a longer period that includes it";
    return text;
  };

  Overview.prototype.hover = function (x) {
    var i = this.binAt(x);
    this.readout.textContent = i < 0 ? this.summary() : this.binText(i);
  };

  Overview.prototype.summary = function () {
    var bins = this.bins;
    var inView = 0;
    for (var i = 0; i < bins.certain.length; i++) inView += bins.certain[i];
    /* weeks and days read as the days they start and end on */
    var fine = bins.unit.days < 30;
    var first = fine ? UNITS[0].label(bins.starts[0]) : bins.unit.label(bins.first);
    var last = fine
      ? UNITS[0].label(bins.starts[bins.starts.length - 1] - 1)
      : bins.unit.label(bins.first + bins.certain.length - 1);
    var text = "Per " + bins.unit.name + ", " + first + (first === last ? "" : " to " + last) + ": ";
    text += plural(inView, "event") + " dated within a " + bins.unit.name + ".";
    if (this.selection) text += " Range: " + this.rangeText(this.selection) + ".";
    return text;
  };

  /* Name the unit, announce the view, and list the bins in a table for screen readers. */
  Overview.prototype.describe = function () {
    var bins = this.bins;
    this.unitLabel.textContent = "per " + bins.unit.name;
    this.container.setAttribute("data-unit", bins.unit.name);
    this.status.textContent = this.summary();
    this.readout.textContent = this.summary();
    var whole = this.fullView();
    var buttons = this.buttons;
    buttons["zoom-out"].disabled = buttons.reset.disabled =
      this.view.start <= whole.start && this.view.end >= whole.end;
    buttons["zoom-in"].disabled = this.view.end - this.view.start <= MIN_SPAN_DAYS;
    buttons.earlier.disabled = this.view.start <= whole.start;
    buttons.later.disabled = this.view.end >= whole.end;
    buttons.clear.disabled = !this.selection;
    var table = this.table;
    table.textContent = "";
    var caption = table.createCaption();
    caption.textContent = "Events per " + bins.unit.name + " in view";
    var head = table.createTHead().insertRow();
    [bins.unit.name, "events", "dated only to a longer period"].forEach(function (text) {
      var cell = document.createElement("th");
      cell.scope = "col";
      cell.textContent = text;
      head.appendChild(cell);
    });
    var body = table.createTBody();
    for (var i = 0; i < bins.certain.length; i++) {
      if (!bins.certain[i] && !bins.possible[i]) continue;
      var row = body.insertRow();
      var label = document.createElement("th");
      label.scope = "row";
      label.textContent = bins.unit.label(bins.first + i);
      row.appendChild(label);
      row.insertCell().textContent = String(bins.certain[i]);
      row.insertCell().textContent = String(bins.possible[i]);
    }
  };

  Overview.prototype.setView = function (start, end) {
    var full = this.fullView();
    var span = Math.min(Math.max(end - start, MIN_SPAN_DAYS), full.end - full.start);
    start = Math.max(full.start, Math.min(start, full.end - span));
    this.view = { start: Math.round(start), end: Math.round(start + span) };
    this.draw();
  };

  /* Zoom by `factor` (0.5: in). With `anchor` (a day: under the pointer) that day stays where it
   * is; from the buttons, the range in view (else the view's middle) becomes the middle. */
  Overview.prototype.zoom = function (factor, anchor) {
    var view = this.view;
    var span = view.end - view.start;
    var next = Math.max(MIN_SPAN_DAYS, span * factor);
    if (anchor !== undefined) {
      var start = anchor - ((anchor - view.start) * next) / span;
      this.setView(start, start + next);
      return;
    }
    var range = this.selection;
    var center = range && range.end > view.start && range.start < view.end
      ? (Math.max(range.start, view.start) + Math.min(range.end, view.end)) / 2
      : (view.start + view.end) / 2;
    this.setView(center - next / 2, center + next / 2);
  };

  Overview.prototype.pan = function (fraction) {
    var span = this.view.end - this.view.start;
    this.setView(this.view.start + span * fraction, this.view.end + span * fraction);
  };

  Overview.prototype.reset = function () {
    this.view = this.fullView();
    this.draw();
  };

  /* The From/To filter as a range of days (an open end reaches the edge of the events), or null. */
  Overview.prototype.filterSelection = function () {
    if (!this.fields) return this.selection;
    var from = this.fields.from.value.trim() ? filterBounds(this.fields.from.value) : null;
    var to = this.fields.to.value.trim() ? filterBounds(this.fields.to.value) : null;
    if (!from && !to) return null;
    return {
      start: from ? from[0] : this.full.start,
      end: to ? to[1] : this.full.end,
      from: from ? this.fields.from.value.trim() : "the first event",
      to: to ? this.fields.to.value.trim() : "the last",
    };
  };

  Overview.prototype.showSelection = function () {
    var u = this.plot;
    var range = this.selection;
    var height = u.over.clientHeight;
    if (!range || range.end <= this.view.start || range.start >= this.view.end) {
      u.setSelect({ left: 0, top: 0, width: 0, height: height }, false);
      this.container.removeAttribute("data-range");
      return;
    }
    var left = Math.max(0, u.valToPos(range.start, "x"));
    var right = Math.min(u.over.clientWidth, u.valToPos(range.end, "x"));
    u.setSelect({ left: left, top: 0, width: Math.max(2, right - left), height: height }, false);
    this.container.setAttribute("data-range", isoDay(range.start) + "/" + isoDay(range.end - 1));
  };

  Overview.prototype.rangeText = function (range) {
    return range.from && range.to
      ? range.from === range.to ? range.from : range.from + " to " + range.to
      : isoDay(range.start) + " to " + isoDay(range.end - 1);
  };

  /* The bins between two x positions (CSS pixels), as a range with its filter text. */
  Overview.prototype.rangeBetween = function (x0, x1) {
    var a = this.binAt(Math.max(0, Math.min(x0, x1)));
    var b = this.binAt(Math.min(this.plot.over.clientWidth - 1, Math.max(x0, x1)));
    if (a < 0 || b < 0) return null;
    var bins = this.bins;
    return {
      start: bins.starts[a],
      end: bins.starts[b + 1],
      from: bins.unit.from(bins.first + a),
      to: bins.unit.to(bins.first + b),
    };
  };

  /* Set the range: the timeline's From/To inputs (their events run timeline.js), or the actor's link. */
  Overview.prototype.commit = function (range) {
    var started = performance.now();
    this.selection = range;
    if (this.fields) {
      this.fields.from.value = range ? range.from : "";
      this.fields.to.value = range ? range.to : "";
      /* as if typed, then one change: timeline.js filters once, at once */
      this.fields.from.dispatchEvent(new Event("input", { bubbles: true }));
      this.fields.to.dispatchEvent(new Event("input", { bubbles: true }));
      this.fields.to.dispatchEvent(new Event("change", { bubbles: true }));
    } else {
      this.linkRange(range);
    }
    this.showSelection();
    this.describe();
    this.timings.brush_to_filter_ms = performance.now() - started;
  };

  /* On an actor page: a link to the timeline filtered to the actor and the range. */
  Overview.prototype.linkRange = function (range) {
    var link = this.container.querySelector(".tl-overview-link");
    if (!range) {
      if (link) link.parentElement.remove();
      return;
    }
    if (!link) {
      var line = document.createElement("p");
      line.className = "tl-overview-follow";
      link = document.createElement("a");
      link.className = "tl-overview-link";
      line.appendChild(link);
      this.container.insertBefore(line, this.status);
    }
    var count = 0;
    var events = this.events;
    for (var i = 0; i < events.length; i++) {
      if (events.endDay[i] >= range.start && events.startDay[i] < range.end) count++;
    }
    var url = new URL(this.container.getAttribute("data-timeline"), location.href);
    url.searchParams.set("from", range.from);
    url.searchParams.set("to", range.to);
    link.href = url.pathname + url.search;
    link.textContent =
      "Show " + plural(count, "event") + " of " + this.container.getAttribute("data-actor-name") +
      " from " + this.rangeText(range) + " on the timeline";
  };

  /* Drag to set a range, click a bar for its period, pinch or Ctrl+wheel to zoom, shift+wheel to pan. */
  Overview.prototype.bindPlot = function () {
    var self = this;
    var over = this.plot.over;
    var pointers = new Map();
    var drag = null;
    var pinch = null;
    function x(event) {
      return event.clientX - over.getBoundingClientRect().left;
    }
    over.addEventListener("pointerdown", function (event) {
      if (event.button > 0) return;
      pointers.set(event.pointerId, x(event));
      try {
        over.setPointerCapture(event.pointerId);
      } catch (error) {
        /* a pointer that is already gone: its moves are not followed, nothing else changes */
      }
      if (pointers.size === 2) {
        var xs = Array.from(pointers.values());
        drag = null;
        pinch = { distance: Math.abs(xs[0] - xs[1]) || 1, view: self.view, center: (xs[0] + xs[1]) / 2 };
      } else if (pointers.size === 1) {
        drag = { x0: event.clientX, start: x(event), moved: false };
      }
    });
    over.addEventListener("pointermove", function (event) {
      if (!pointers.has(event.pointerId)) return;
      pointers.set(event.pointerId, x(event));
      if (pinch && pointers.size === 2) {
        var xs = Array.from(pointers.values());
        var factor = pinch.distance / (Math.abs(xs[0] - xs[1]) || 1);
        var span = pinch.view.end - pinch.view.start;
        var center = pinch.view.start + (pinch.center / over.clientWidth) * span;
        var next = span * factor;
        var start = center - ((center - pinch.view.start) * next) / span;
        self.setView(start, start + next);
      } else if (drag) {
        drag.moved = drag.moved || Math.abs(event.clientX - drag.x0) >= DRAG_PX;
        var range = drag.moved ? self.rangeBetween(drag.start, x(event)) : null;
        if (range) {
          self.selection = range;
          self.showSelection();
        }
      }
    });
    function end(event) {
      if (!pointers.has(event.pointerId)) return;
      pointers.delete(event.pointerId);
      if (event.type === "pointerup" && drag) {
        self.commit(self.rangeBetween(drag.start, drag.moved ? x(event) : drag.start) || self.selection);
      }
      drag = null;
      if (pointers.size < 2) pinch = null;
    }
    over.addEventListener("pointerup", end);
    over.addEventListener("pointercancel", end);
    over.addEventListener(
      "wheel",
      function (event) {
        if (event.ctrlKey) {
          event.preventDefault();
          self.zoom(event.deltaY > 0 ? 1.25 : 0.8, self.plot.posToVal(x(event), "x"));
        } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
          event.preventDefault();
          self.pan(((event.deltaX || event.deltaY) > 0 ? 1 : -1) * 0.2);
        }
      },
      { passive: false }
    );
  };

  /* The filter, the width and the colour scheme, once per page. */
  Overview.prototype.bindPage = function () {
    var self = this;
    if (this.form) {
      /* the filter set by typing, by Clear or by the address: the strip shows it */
      this.form.addEventListener("tl-applied", function () {
        self.selection = self.filterSelection();
        self.showSelection();
        self.describe();
      });
    }
    if (window.ResizeObserver) {
      var width = this.width();
      new ResizeObserver(function () {
        if (Math.abs(self.width() - width) < 2) return;
        width = self.width();
        self.plot.setSize({ width: width, height: width < 500 ? 120 : 140 });
        self.draw();
      }).observe(this.container);
    }
    /* Material's palette toggle: the canvas takes the new scheme's colours */
    new MutationObserver(function () {
      self.plot.destroy();
      self.plot = null;
      self.draw();
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  };

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      if (window.uPlot) return resolve();
      var script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("cannot load " + url));
      };
      document.head.appendChild(script);
    });
  }

  function fetchIndex(url) {
    if (window.tlFetchIndex) return window.tlFetchIndex(url);
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }

  function start() {
    var container = document.querySelector("[data-overview]");
    if (!container || container.hasAttribute("data-started") || !window.fetch || !window.Promise) return;
    container.setAttribute("data-started", "");
    var stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = container.getAttribute("data-stylesheet");
    document.head.appendChild(stylesheet);
    var indexUrl = new URL(container.getAttribute("data-index"), location.href);
    Promise.all([loadScript(container.getAttribute("data-script")), fetchIndex(indexUrl.href)])
      .then(function (loaded) {
        var overview = new Overview(container);
        container.overview = overview;
        overview.useIndex(loaded[1]);
      })
      .catch(function (error) {
        /* without the strip the timeline and its filters still work */
        container.setAttribute("data-error", String(error));
      });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
