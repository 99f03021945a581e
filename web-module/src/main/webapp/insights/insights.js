/*
 * Portico's churn insights page, for operators. No framework, nothing from a CDN. The token arrives
 * in the URL fragment (/insights/#token=...) and is handed over by /pages/token.js, as for the
 * billing page. The chart is SVG drawn here; the tables under it hold the same figures.
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'portico.operator-token';
  var COMMENTS_PAGE = 20;
  // Stripe's cancellation feedback, in a fixed order (each keeps its colour), then "none".
  var REASONS = [
    ['too_expensive', 'Too expensive'], ['missing_features', 'Missing features'], ['switched_service', 'Switched service'],
    ['unused', 'Not used enough'], ['customer_service', 'Customer service'], ['too_complex', 'Too complex'],
    ['low_quality', 'Quality'], ['other', 'Other'], ['none', 'No reason given']
  ];
  var MESSAGES = {
    UNAUTHENTICATED: 'Your session has ended. Open the insights again from your operator console.',
    FORBIDDEN: 'Only Portico operators can see the insights.',
    INVALID_REQUEST: 'Choose a period of at most 36 months, the first month before the last.',
    NETWORK: 'The server cannot be reached. Check your connection and try again.'
  };

  var token = PorticoToken.take(TOKEN_KEY);
  var commentsOffset = 0;

  document.addEventListener('DOMContentLoaded', function () {
    if (!token) {
      fail('Open the insights from your operator console: this page needs your sign-in.');
      return;
    }
    var now = new Date();
    byId('to').value = month(now.getUTCFullYear(), now.getUTCMonth() + 1);
    var start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
    byId('from').value = month(start.getUTCFullYear(), start.getUTCMonth() + 1);
    byId('filters').addEventListener('submit', function (event) {
      event.preventDefault();
      load();
    });
    byId('more-comments').addEventListener('click', moreComments);
    load();
  });

  function load() {
    commentsOffset = 0;
    byId('message').hidden = true;
    byId('status').textContent = 'Loading…';
    fetchReport(COMMENTS_PAGE, 0).then(function (report) {
      render(report);
      byId('status').textContent = 'Showing ' + report.from + ' to ' + report.to + '.';
    }, explain);
  }

  function moreComments() {
    commentsOffset += COMMENTS_PAGE;
    fetchReport(COMMENTS_PAGE, commentsOffset).then(function (report) {
      renderComments(report.comments, true);
      byId('status').textContent = report.comments.items.length + ' more comments shown.';
    }, explain);
  }

  function fetchReport(limit, offset) {
    var query = 'from=' + encodeURIComponent(byId('from').value) + '&to=' + encodeURIComponent(byId('to').value)
      + '&plan=' + encodeURIComponent(byId('plan').value) + '&commentsLimit=' + limit + '&commentsOffset=' + offset;
    return fetch('/api/insights/churn?' + query, {
      headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' }, cache: 'no-store'
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) {
          throw body.error || 'INTERNAL_ERROR';
        }
        return body;
      });
    }, function () { throw 'NETWORK'; });
  }

  function render(report) {
    plans(report.plans, report.plan);
    var total = report.total;
    text('total-cancellations', String(total.cancellations));
    text('total-reactivations', String(total.reactivations));
    text('total-scheduled', String(total.scheduled));
    text('total-lost', money(total.monthlyAmountLost));
    text('total-age', age(total.medianAgeDays));
    chart(report.months);
    rows('months', report.months.map(function (m) {
      return [monthName(m.month), m.cancellations, reasonsOf(m.cancellationsByReason), m.reactivations, m.scheduled,
        money(m.monthlyAmountLost), age(m.medianAgeDays)];
    }));
    rows('reasons', report.byReason.filter(function (r) { return r.cancellations > 0; }).map(function (r) {
      return [label(r.reason), r.cancellations, money(r.monthlyAmountLost), age(r.medianAgeDays)];
    }));
    rows('plans', report.byPlan.map(function (p) {
      return [p.plan, p.cancellations, p.reactivations, money(p.monthlyAmountLost), age(p.medianAgeDays)];
    }));
    renderComments(report.comments, false);
    byId('report').hidden = false;
  }

  /** Stacked bars: one per month, a segment per reason, heights by cancellations. */
  function chart(months) {
    var svg = byId('chart');
    svg.textContent = '';
    var width = 800, height = 220, bottom = 20, top = 8;
    var most = Math.max(1, Math.max.apply(null, months.map(function (m) { return m.cancellations; })));
    var slot = width / months.length;
    var used = {};
    svg.appendChild(shape('line', { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, 'class': 'axis' }));
    months.forEach(function (m, i) {
      var y = height - bottom;
      REASONS.forEach(function (reason, colour) {
        var count = m.cancellationsByReason[reason[0]] || 0;
        if (!count) {
          return;
        }
        used[reason[0]] = colour;
        var h = count / most * (height - bottom - top);
        y -= h;
        svg.appendChild(shape('rect', { x: i * slot + slot * 0.2, y: y, width: slot * 0.6, height: h, 'class': 'r' + colour }));
      });
      var tick = shape('text', { x: i * slot + slot / 2, y: height - 5, 'text-anchor': 'middle', 'class': 'month-label' });
      tick.textContent = m.month.slice(5) === '01' || i === 0 ? monthName(m.month) : shortMonth(m.month);
      svg.appendChild(tick);
    });
    var legend = byId('legend');
    legend.textContent = '';
    REASONS.forEach(function (reason, colour) {
      if (used[reason[0]] === undefined) {
        return;
      }
      var item = document.createElement('li');
      var swatch = document.createElement('span');
      swatch.className = 'swatch r' + colour;
      swatch.setAttribute('aria-hidden', 'true');
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(reason[1]));
      legend.appendChild(item);
    });
    var sum = months.reduce(function (n, m) { return n + m.cancellations; }, 0);
    text('chart-summary', sum + ' cancellations from ' + monthName(months[0].month) + ' to '
      + monthName(months[months.length - 1].month) + '; the most in one month: ' + (sum ? most : 0)
      + '. The table below has every figure.');
  }

  function renderComments(comments, append) {
    var list = byId('comments');
    if (!append) {
      list.textContent = '';
    }
    comments.items.forEach(function (c) {
      var item = document.createElement('li');
      var quote = document.createElement('q');
      quote.textContent = c.comment;
      var meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = day(c.at) + ' · ' + label(c.feedback || 'none') + (c.plan ? ' · ' + c.plan : '') + ' · ' + c.workspaceId;
      item.appendChild(quote);
      item.appendChild(meta);
      list.appendChild(item);
    });
    byId('no-comments').hidden = list.children.length > 0;
    byId('more-comments').hidden = !comments.more;
  }

  function plans(all, chosen) {
    var select = byId('plan');
    select.textContent = '';
    select.appendChild(new Option('All plans', ''));
    all.forEach(function (plan) { select.appendChild(new Option(plan, plan)); });
    select.value = chosen || '';
  }

  function rows(id, data) {
    var body = byId(id);
    body.textContent = '';
    data.forEach(function (cells) {
      var row = document.createElement('tr');
      cells.forEach(function (value, i) {
        var cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) {
          cell.scope = 'row';
        }
        cell.textContent = String(value);
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
  }

  /** Amounts by currency, in minor units: each in its currency, by the browser's locale. */
  function money(amounts) {
    var parts = Object.keys(amounts).map(function (currency) {
      var format = new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() });
      var digits = format.resolvedOptions().maximumFractionDigits;
      return format.format(amounts[currency] / Math.pow(10, digits));
    });
    return parts.length ? parts.join(' + ') : '—';
  }

  function reasonsOf(counts) {
    var parts = REASONS.filter(function (r) { return counts[r[0]]; }).map(function (r) { return r[1] + ' ' + counts[r[0]]; });
    return parts.length ? parts.join(', ') : '—';
  }

  function label(reason) {
    var found = REASONS.filter(function (r) { return r[0] === reason; })[0];
    return found ? found[1] : reason;
  }

  function age(days) {
    return days === null || days === undefined ? '—' : String(days);
  }

  function monthName(yearMonth) {
    var parts = yearMonth.split('-');
    return new Date(Date.UTC(+parts[0], +parts[1] - 1, 1))
      .toLocaleDateString(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  }

  function shortMonth(yearMonth) {
    var parts = yearMonth.split('-');
    return new Date(Date.UTC(+parts[0], +parts[1] - 1, 1)).toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' });
  }

  function day(instant) {
    return new Date(instant).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  }

  function month(year, m) {
    return year + '-' + (m < 10 ? '0' : '') + m;
  }

  function explain(code) {
    fail(MESSAGES[code] || 'Something went wrong on our side. Please try again.');
  }

  function fail(message) {
    byId('message').textContent = message;
    byId('message').hidden = false;
    byId('status').textContent = '';
  }

  function shape(name, attributes) {
    var element = document.createElementNS('http://www.w3.org/2000/svg', name);
    Object.keys(attributes).forEach(function (key) { element.setAttribute(key, attributes[key]); });
    return element;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function text(id, value) {
    byId(id).textContent = value;
  }
}());
