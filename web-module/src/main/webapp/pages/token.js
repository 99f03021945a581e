/*
 * The token hand-over of Portico's pages: the token arrives in the URL fragment (#token=...), which
 * browsers never send to a server; it is moved at once to this tab's sessionStorage under the page's
 * key and the fragment is removed, so it stays out of URLs, history, logs and Referer headers.
 */
var PorticoToken = (function () {
  'use strict';
  return {
    /** The token the fragment carries (kept under key), else the one kept before; null without either. */
    take: function (key) {
      var match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
      if (match) {
        sessionStorage.setItem(key, decodeURIComponent(match[1]));
        history.replaceState(null, '', location.pathname + location.search);
      }
      return sessionStorage.getItem(key);
    }
  };
}());
