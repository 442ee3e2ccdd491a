// The PWA's service worker keeps the built app on the tablet, so that after one online
// visit the client starts with the network off (issue 5, item 3). Electron serves the
// app from its own protocol and needs none.

export function registerServiceWorker(): void {
  if (import.meta.env.DEV || window.kizuna || !('serviceWorker' in navigator)) return;
  if (!/^https?:$/.test(window.location.protocol)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error: unknown) => {
      console.error('service worker not registered', error);
    });
  });
}
