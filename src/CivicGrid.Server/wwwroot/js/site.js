// Small behaviours of every page. The skip link moves keyboard focus to the main content itself: Blazor's enhanced
// navigation handles in-page links by scrolling only, which would leave focus on the link.
(function () {
  'use strict';
  document.addEventListener('click', event => {
    const link = event.target.closest && event.target.closest('a.skip-link');
    if (!link) return;
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    event.stopPropagation();
    main.focus();
    main.scrollIntoView();
  }, true);
})();
