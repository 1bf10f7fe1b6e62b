/*
 * Voter Desk: sizes the embedded polling-station lookup to its content. Optional: without it
 * the <iframe> keeps its height and scrolls inside. Load it from the Voter Desk origin, e.g.
 *   <script src="https://voterdesk.example/embed.js" async></script>
 * It only listens: it accepts height messages from that origin alone, and only for an
 * <iframe> of this page that the message came from.
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || data.type !== 'voter-desk:embed-height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 100 || height > 20000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });
})();
