/* visitd embed helper: sizes each booking iframe marked data-visitd-embed to its page.
   <iframe src="https://VISITD/b/SLUG" title="Book an appointment" data-visitd-embed
           style="width:100%;border:0"></iframe>
   <script src="https://VISITD/embed.js" async></script>
   The framed page posts {type: "visitd:height", height} to its parent; only messages from the
   origin this script was loaded from, sent by one of the marked iframes, are obeyed. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'visitd:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var height = Math.max(150, Math.min(Math.ceil(data.height), 20000));
    var frames = document.querySelectorAll('iframe[data-visitd-embed]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = height + 'px';
    }
  });
})();
