/*
 * Portico's billing page and its return page. No framework, no build, nothing from a CDN.
 * The token arrives in the URL fragment (/billing#token=...) and is handed over by
 * /pages/token.js (sessionStorage, fragment removed).
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'portico.token';
  var BEFORE_KEY = 'portico.before';
  var RETURN_PATH = '/billing/return';

  var MESSAGES = {
    UNAUTHENTICATED: 'Your session has ended. Open billing again from the app.',
    NO_WORKSPACE: 'Your sign-in does not name a workspace. Open billing from inside a workspace.',
    FORBIDDEN: 'Only billing admins can manage billing.',
    NO_SUBSCRIPTION: 'There is no subscription to manage yet.',
    RATE_LIMITED: 'Too many attempts in a short time. Please wait a minute and try again.',
    STRIPE_UNAVAILABLE: 'The billing portal cannot be reached right now. Please try again in a moment.',
    STRIPE_ERROR: 'The billing portal could not be opened. Please try again later.',
    INVALID_RETURN_URL: 'This page is not set up as a return address for the billing portal. Ask your administrator.',
    INVALID_FLOW: 'This action is not available.',
    FLOW_NOT_ENABLED: 'This action is not available.',
    INVALID_PLAN: 'That plan cannot be chosen now. Reload the page to see the plans on offer.',
    INTERNAL_ERROR: 'Something went wrong on our side. Please try again.',
    NETWORK: 'The server cannot be reached. Check your connection and try again.'
  };
  var STATUS = {
    active: ['Active', 'good'], trialing: ['Trial', 'good'], past_due: ['Payment failing', 'warn'],
    incomplete: ['Incomplete', 'warn'], paused: ['Paused', 'warn'], canceled: ['Canceled', 'bad'],
    unpaid: ['Unpaid', 'bad'], incomplete_expired: ['Expired', 'bad'], none: ['No subscription', '']
  };
  var ACCESS = { full: 'Full access', 'read-only': 'Read-only', none: 'No access' };
  var TEMPLATES = {
    'subscription-cancel-scheduled': 'Cancellation scheduled', 'subscription-canceled': 'Subscription ended',
    'subscription-resumed': 'Subscription continues', 'payment-method-updated': 'Payment method updated',
    'payment-recovered': 'Payment received', 'plan-changed': 'Plan changed'
  };

  var token = PorticoToken.take(TOKEN_KEY);
  var claims = token ? decodeClaims(token) : {};
  var isAdmin = Array.isArray(claims.groups) && claims.groups.indexOf('billing-admin') >= 0;

  var INVOICE_STATUS = { draft: 'Draft', open: 'Open', paid: 'Paid', void: 'Void', uncollectible: 'Uncollectible' };
  var BRANDS = {
    visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', jcb: 'JCB',
    diners: 'Diners Club', unionpay: 'UnionPay', cartes_bancaires: 'Cartes Bancaires', eftpos_au: 'eftpos'
  };
  var INTERVALS = { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'], year: ['year', 'years'] };
  // Stripe's amounts are in the currency's minor units; these currencies have none, or three (Stripe's lists).
  var ZERO_DECIMAL = ['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf'];
  var THREE_DECIMAL = ['bhd', 'jod', 'kwd', 'omr', 'tnd'];

  // The subscription facts, the same on both pages (static markup: values go in as text).
  var FACTS = '<dl class="facts">'
    + '<div><dt>Status</dt><dd><span id="status" class="badge">…</span></dd></div>'
    + '<div><dt>Plan</dt><dd><span id="plan">…</span> <span id="price" class="why" hidden></span></dd></div>'
    + '<div id="period-row"><dt id="period-label">Renews on</dt><dd id="period-end">…</dd></div>'
    + '<div><dt>Access</dt><dd><span id="access" class="access">…</span> <span id="access-why" class="why"></span></dd></div>'
    + '<div id="card-row" hidden><dt>Payment method</dt><dd><span id="card"></span> <span id="card-expiry" class="why"></span></dd></div>'
    + '</dl><p id="cancels" class="notice" hidden></p><p id="card-warning" class="notice warn" hidden></p>';

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelector('[data-facts]').outerHTML = FACTS;
    text('workspace', claims.workspace_name || claims.workspace_id || '—');
    if (!token) {
      fail('Open billing from the app you use: this page needs your sign-in.');
      hide('checking');
      return;
    }
    if (document.body.dataset.page === 'return') {
      showReturn();
    } else {
      showBilling();
    }
  });

  function decodeClaims(jwt) {
    try {
      var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(decodeURIComponent(escape(atob(part))));
    } catch (e) {
      return {};
    }
  }

  function api(method, path, body) {
    return fetch('/api/' + path, {
      method: method,
      headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit'
    }).catch(function () {
      throw { code: 'NETWORK' };
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          throw { code: json.error || 'INTERNAL_ERROR', status: response.status };
        }
        return json;
      });
    });
  }

  function showBilling() {
    api('GET', 'billing/overview').then(function (subscription) {
      renderSubscription(subscription);
      renderDetails(subscription);
      renderActions(subscription);
      api('GET', 'billing/plans').then(function (offer) { renderPlans(offer, subscription); },
        function () { /* the plans are extra: the page works without them */ });
      if (isAdmin) {
        api('GET', 'notifications/log?limit=5').then(renderEmails, function () { /* the log is extra */ });
      }
    }, explain);
  }

  function renderSubscription(s) {
    var status = STATUS[s.status] || [s.status, ''];
    var badge = document.getElementById('status');
    badge.textContent = status[0];
    badge.className = 'badge ' + status[1];
    text('plan', s.price ? s.price.name : (s.plan ? s.plan : (s.status === 'none' ? 'None yet' : '—')));
    var ended = s.status === 'canceled';
    var trial = s.status === 'trialing' && s.trialEnd;
    text('period-label', ended ? 'Paid until' : trial ? 'Trial ends on' : s.status === 'paused' ? 'Paused' : 'Renews on');
    text('period-end', trial ? day(s.trialEnd) + ' (' + fromNow(s.trialEnd) + ')'
      : s.status === 'paused' ? 'No payments until it resumes' : s.currentPeriodEnd ? day(s.currentPeriodEnd) : '—');
    document.getElementById('period-row').hidden = !s.currentPeriodEnd && !trial && s.status !== 'paused';
    text('access', ACCESS[s.access] || s.access);
    text('access-why', s.accessCode ? s.accessMessage : '');
    var cancels = document.getElementById('cancels');
    var cancelsOn = s.cancelAt || (s.cancelAtPeriodEnd ? s.currentPeriodEnd : null);
    cancels.hidden = !((cancelsOn && !ended) || ended);
    cancels.textContent = !ended ? (cancelsOn ? 'Cancels on ' + day(cancelsOn) + '. You keep full access until then.' : '')
      : s.currentPeriodEnd && new Date(s.currentPeriodEnd) > new Date()
        ? 'Your subscription has ended. You have read-only access until ' + day(s.currentPeriodEnd) + '.'
        : 'Your subscription has ended.';
    show('summary');
  }

  /** The overview's extras: price, card, the past-due banner and the invoices. */
  function renderDetails(s) {
    if (s.price && s.price.amount !== null && s.price.currency) {
      text('price', price(s.price));
      show('price');
    }
    var method = s.paymentMethod;
    if (method) {
      text('card', method.last4 ? (BRANDS[method.brand] || method.brand || 'Card') + ' •••• ' + method.last4 : 'Payment method on file');
      text('card-expiry', method.expMonth && method.expYear ? 'Expires ' + pad(method.expMonth) + '/' + method.expYear : '');
      show('card-row');
      if (method.expiresBeforeRenewal && s.currentPeriodEnd) {
        text('card-warning', 'This card expires before your next renewal on ' + day(s.currentPeriodEnd)
          + '. Update your payment method to keep your subscription.');
        show('card-warning');
      }
    }
    renderAlert(s);
    renderInvoices(s.invoices || []);
  }

  function renderAlert(s) {
    var invoice = s.failingInvoice;
    if (s.status !== 'past_due' && !invoice) {
      return;
    }
    var what = invoice && invoice.amountDue !== null && invoice.currency
      ? 'The payment of ' + money(invoice.amountDue, invoice.currency) + (invoice.number ? ' for invoice ' + invoice.number : '') + ' failed.'
      : 'Your last payment failed.';
    var next = invoice && invoice.nextPaymentAttempt
      ? ' Stripe tries again on ' + day(invoice.nextPaymentAttempt) + '.'
      : ' Stripe will not retry it by itself.';
    text('alert-text', what + next + (isAdmin ? ' Update the payment method, or pay the invoice now.' : ' A billing admin can fix this.'));
    if (isAdmin) {
      var pay = document.getElementById('alert-pay');
      pay.hidden = !(invoice && invoice.hostedInvoiceUrl);
      if (!pay.hidden) {
        pay.href = invoice.hostedInvoiceUrl;
      }
      show('alert-actions');
    }
    show('alert');
  }

  function renderInvoices(invoices) {
    var rows = document.getElementById('invoice-rows');
    rows.textContent = '';
    Array.prototype.forEach.call(document.querySelectorAll('#invoices [data-admin-only]'), function (cell) {
      cell.hidden = !isAdmin;
    });
    invoices.forEach(function (invoice) {
      var row = document.createElement('tr');
      cell(row, invoice.created ? day(invoice.created) : '—');
      cell(row, invoice.number || '—');
      var amount = invoice.status === 'paid' ? invoice.amountPaid : invoice.amountDue;
      cell(row, amount !== null && invoice.currency ? money(amount, invoice.currency) : '—');
      cell(row, INVOICE_STATUS[invoice.status] || invoice.status);
      if (isAdmin) {
        var links = cell(row, '');
        link(links, invoice.hostedInvoiceUrl, 'View', 'Invoice ' + (invoice.number || '') + ' online');
        link(links, invoice.invoicePdf, 'PDF', 'Invoice ' + (invoice.number || '') + ' as PDF');
      }
      rows.appendChild(row);
    });
    document.getElementById('invoices').hidden = invoices.length === 0;
  }

  function cell(row, value) {
    var td = document.createElement('td');
    td.textContent = value;
    row.appendChild(td);
    return td;
  }

  function link(parent, href, label, description) {
    if (!href || !/^https:\/\//.test(href)) {
      return;
    }
    var a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    a.setAttribute('aria-label', description.replace(/\s+/g, ' ').trim());
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    parent.appendChild(a);
    parent.appendChild(document.createTextNode(' '));
  }

  function renderActions(s) {
    if (!isAdmin) {
      return;
    }
    var hasSubscription = s.status !== 'none' && s.status !== 'canceled' && s.status !== 'incomplete_expired';
    var buttons = document.querySelectorAll('button[data-flow]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = (button.hasAttribute('data-needs-subscription') && !hasSubscription)
        || (button.hasAttribute('data-needs-renewing') && s.cancelAtPeriodEnd)
        || !offered(button.dataset.flow, s);
      button.addEventListener('click', function () { openPortal(button, s); });
    });
    show('actions');
  }

  /**
   * The plans side by side, cheapest first: the current one marked, a scheduled switch named, and
   * for billing admins a "Switch to …" button that opens Stripe's confirmation (with the prorated
   * amount) for that price.
   */
  function renderPlans(offer, s) {
    var pending = s.pendingChange;
    if (pending) {
      text('pending', 'Switches to ' + pending.name + (pending.at ? ' on ' + day(pending.at) : ' at the end of the period') + '.');
      show('pending');
    }
    if (!offer.plans.length) {
      document.getElementById('plans').hidden = !pending;
      return;
    }
    var live = s.status === 'active' || s.status === 'trialing' || s.status === 'past_due';
    var canSwitch = isAdmin && live && !!offer.current && offered('subscription_update_confirm', s);
    var list = document.getElementById('plan-list');
    list.textContent = '';
    offer.plans.forEach(function (plan) {
      var item = document.createElement('li');
      item.className = plan.current ? 'current' : '';
      var title = document.createElement('h3');
      title.textContent = plan.name;
      item.appendChild(title);
      var amount = document.createElement('p');
      amount.className = 'amount';
      amount.textContent = plan.amount !== null && plan.currency ? price(plan) : '—';
      item.appendChild(amount);
      if (plan.description) {
        var description = document.createElement('p');
        description.className = 'why';
        description.textContent = plan.description;
        item.appendChild(description);
      }
      var points = plan.highlights.length ? plan.highlights : plan.features;
      if (points.length) {
        var features = document.createElement('ul');
        features.setAttribute('aria-label', 'Included in ' + plan.name);
        points.forEach(function (point) {
          var li = document.createElement('li');
          li.textContent = point;
          features.appendChild(li);
        });
        item.appendChild(features);
      }
      var action = document.createElement('div');
      action.className = 'plan-action';
      if (plan.current) {
        action.innerHTML = '<span class="badge good">Current plan</span>';
      } else if (pending && pending.price === plan.price) {
        action.innerHTML = '<span class="badge">Scheduled</span>';
      } else if (canSwitch) {
        var button = document.createElement('button');
        button.type = 'button';
        button.dataset.flow = 'subscription_update_confirm';
        button.dataset.price = plan.price;
        button.textContent = 'Switch to ' + plan.name;
        button.addEventListener('click', function () { openPortal(button, s); });
        action.appendChild(button);
      }
      item.appendChild(action);
      list.appendChild(item);
    });
    show('plans');
  }

  /** Whether the portal's configuration offers this deep link ("" is the portal's home: always). */
  function offered(flow, s) {
    return !flow || !s.portalFlows || s.portalFlows.indexOf(flow) >= 0;
  }

  function openPortal(button, subscription) {
    var buttons = document.querySelectorAll('button[data-flow]');
    if (button.disabled) {
      return;
    }
    Array.prototype.forEach.call(buttons, function (each) { each.disabled = true; });
    var label = button.textContent;
    button.textContent = 'Opening…';
    button.setAttribute('aria-busy', 'true');
    hide('message');
    sessionStorage.setItem(BEFORE_KEY, JSON.stringify(subscription));
    var body = { returnUrl: location.origin + RETURN_PATH };
    if (button.dataset.flow) {
      body.flow = button.dataset.flow;
    }
    if (button.dataset.price) {
      body.price = button.dataset.price;
    }
    api('POST', 'billing/portal-session', body).then(function (session) {
      location.assign(session.url);
    }, function (error) {
      Array.prototype.forEach.call(buttons, function (each) { each.disabled = false; });
      button.textContent = label;
      button.removeAttribute('aria-busy');
      explain(error);
    });
  }

  function renderEmails(log) {
    var list = document.getElementById('email-list');
    list.textContent = '';
    log.emails.forEach(function (email) {
      var item = document.createElement('li');
      var subject = document.createElement('div');
      subject.textContent = email.subject;
      var meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = templateName(email.template) + ' · ' + day(email.createdAt) + ' · ' + email.status.toLowerCase();
      item.appendChild(subject);
      item.appendChild(meta);
      list.appendChild(item);
    });
    document.getElementById('no-emails').hidden = log.emails.length > 0;
    show('emails');
  }

  /** Polls of the return page (one a second) before it asks for a sync. */
  var SYNC_AFTER_TRIES = 4;

  function showReturn() {
    var before = null;
    try {
      before = JSON.parse(sessionStorage.getItem(BEFORE_KEY));
    } catch (e) {
      before = null;
    }
    var tries = 0;
    (function poll() {
      api('GET', 'billing/subscription').then(function (now) {
        var changes = before ? describeChanges(before, now) : [];
        tries += 1;
        // Stripe's webhook may land a moment after the portal sends the browser back.
        if (changes.length === 0 && before && tries < 10) {
          // Still nothing after a few seconds: an admin's page has Portico read Stripe's objects itself.
          if (tries === SYNC_AFTER_TRIES && isAdmin) {
            api('POST', 'billing/sync').then(poll, poll);
            return;
          }
          setTimeout(poll, 1000);
          return;
        }
        hide('checking');
        renderSubscription(now);
        var list = document.getElementById('changes');
        list.textContent = '';
        (changes.length ? changes : ['Nothing has changed yet. If you just made a change, it will show on the billing page shortly.'])
          .forEach(function (change) {
            var item = document.createElement('li');
            item.textContent = change;
            list.appendChild(item);
          });
        show('changes-section');
        sessionStorage.removeItem(BEFORE_KEY);
      }, function (error) {
        hide('checking');
        explain(error);
      });
    })();
  }

  function describeChanges(before, now) {
    var changes = [];
    if (before.status !== now.status) {
      changes.push('Status: ' + statusName(before.status) + ' → ' + statusName(now.status) + '.');
    }
    if (!before.cancelAtPeriodEnd && now.cancelAtPeriodEnd && now.currentPeriodEnd) {
      changes.push('Your subscription will end on ' + day(now.currentPeriodEnd) + '.');
    }
    if (before.cancelAtPeriodEnd && !now.cancelAtPeriodEnd && now.status !== 'canceled') {
      changes.push('The cancellation was withdrawn: your subscription continues.');
    }
    if (before.plan !== now.plan && now.plan) {
      changes.push('Your plan is now ' + now.plan + '.');
    }
    if (changes.length === 0 && before.currentPeriodEnd !== now.currentPeriodEnd && now.currentPeriodEnd) {
      changes.push('Your subscription now renews on ' + day(now.currentPeriodEnd) + '.');
    }
    if (before.access !== now.access) {
      changes.push('Access: ' + (ACCESS[before.access] || before.access) + ' → ' + (ACCESS[now.access] || now.access) + '.');
    }
    return changes;
  }

  function explain(error) {
    fail(MESSAGES[error && error.code] || MESSAGES.INTERNAL_ERROR);
  }

  function fail(message) {
    var element = document.getElementById('message');
    element.textContent = message;
    element.hidden = false;
  }

  function statusName(status) {
    return (STATUS[status] || [status])[0];
  }

  function templateName(template) {
    if (/^dunning-\d+$/.test(template)) {
      return template === 'dunning-1' ? 'Payment failed' : 'Payment reminder';
    }
    return TEMPLATES[template] || template;
  }

  /** "$29.00 per month", "¥3,000 every 3 months", "€290.00 per year × 3": amounts by the browser's locale. */
  function price(p) {
    var amount = money(p.amount, p.currency);
    var names = INTERVALS[p.interval];
    var every = !names ? '' : p.intervalCount > 1 ? ' every ' + p.intervalCount + ' ' + names[1] : ' per ' + names[0];
    return amount + every + (p.quantity > 1 ? ' × ' + p.quantity : '');
  }

  function money(minor, currency) {
    var code = currency.toLowerCase();
    var digits = ZERO_DECIMAL.indexOf(code) >= 0 ? 0 : THREE_DECIMAL.indexOf(code) >= 0 ? 3 : 2;
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: code.toUpperCase() })
      .format(minor / Math.pow(10, digits));
  }

  /** "in 3 days", "tomorrow", "today". */
  function fromNow(iso) {
    var days = Math.ceil((new Date(iso) - new Date()) / 86400000);
    return days <= 0 ? 'today' : days === 1 ? 'tomorrow' : 'in ' + days + ' days';
  }

  function pad(month) {
    return (month < 10 ? '0' : '') + month;
  }

  function day(iso) {
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(iso));
  }

  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function show(id) {
    document.getElementById(id).hidden = false;
  }

  function hide(id) {
    document.getElementById(id).hidden = true;
  }
})();
