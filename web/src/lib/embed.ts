// Inside an iframe on a clinic's own site (issue I, embeds): tell the parent page how tall the
// app is, so visitd's embed.js can size the frame and the visitor never scrolls twice. Only a
// height is sent, so any parent may read it ('*'); embed.js checks that it came from visitd.
export function reportHeightWhenFramed(root: HTMLElement): void {
  if (window.parent === window) return;
  let last = -1;
  const report = () => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'visitd:height', height }, '*');
  };
  new ResizeObserver(report).observe(root);
  report();
}
