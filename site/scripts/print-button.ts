// A "Print" button for pages that print (the route sheet). Without JavaScript the button stays
// hidden and the page says to use the browser's own Print command.
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print-button]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
