// Shows the plain-language score of the previewed page (computed on the server and
// carried, hidden, in the preview) beside Wagtail's content metrics in the editor's
// "Checks" panel. Pages without a score leave the metric hidden.
(function () {
  'use strict';

  function previewDocument() {
    var frame = document.querySelector('[data-w-preview-target="iframe"]');
    try {
      return frame && frame.contentDocument;
    } catch (error) {
      return null;
    }
  }

  function showReadability() {
    var metric = document.querySelector('[data-seo-grade-metric]');
    var longest = document.querySelector('[data-seo-longest]');
    var doc = previewDocument();
    if (!metric || !longest || !doc) {
      return;
    }
    var score = doc.querySelector('[data-seo-readability]');
    metric.hidden = !score;
    longest.hidden = !score;
    if (!score) {
      return;
    }
    var plain = score.getAttribute('data-plain') === 'true';
    metric.querySelector('[data-seo-reading-grade]').textContent =
      'Grade ' + score.getAttribute('data-grade') + (plain ? ' (plain)' : ' (aim for 8)');
    var list = longest.querySelector('[data-seo-longest-sentences]');
    list.replaceChildren();
    score.querySelectorAll('li').forEach(function (item) {
      var entry = document.createElement('li');
      entry.textContent = item.textContent + ' (' + item.getAttribute('data-words') + ' words)';
      list.appendChild(entry);
    });
  }

  document.addEventListener('w-preview:loaded', showReadability);
  document.addEventListener('w-preview:content', showReadability);
})();
