// Progressive enhancement only: every page works without this file.
// Focusing or hovering a statement in the side list outlines its words in the text.
(function () {
  function mark(id, on) {
    document.querySelectorAll('[data-a~="' + id + '"]').forEach(function (el) { el.classList.toggle('active', on); });
  }
  document.querySelectorAll('[data-statement]').forEach(function (item) {
    var id = item.getAttribute('data-statement');
    ['mouseenter', 'focusin'].forEach(function (e) { item.addEventListener(e, function () { mark(id, true); }); });
    ['mouseleave', 'focusout'].forEach(function (e) { item.addEventListener(e, function () { mark(id, false); }); });
  });
})();
