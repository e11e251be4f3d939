/**
 * Prints a self-contained HTML page. In a browser it opens in a window of its own and prints from
 * there. The desktop shell denies new windows, so there the page is laid over the app for the
 * print only (its A4 page rules included) and removed afterwards.
 */
export function printHtml(html: string): void {
  const popup = window.open('', '_blank');
  if (popup) {
    popup.document.open();
    popup.document.write(html);
    popup.document.close();
    popup.focus();
    popup.print();
    return;
  }
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const sheet = document.createElement('div');
  sheet.className = 'print-sheet';
  for (const style of doc.head.querySelectorAll('style')) sheet.append(style);
  sheet.append(...doc.body.childNodes);
  document.body.append(sheet);
  document.documentElement.classList.add('printing-sheet');
  const cleanUp = () => {
    sheet.remove();
    document.documentElement.classList.remove('printing-sheet');
    window.removeEventListener('afterprint', cleanUp);
  };
  window.addEventListener('afterprint', cleanUp);
  window.print();
}
