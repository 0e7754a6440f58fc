/*
 * Test support for the "Download CSV" buttons: catches the file the page hands to the browser
 * and reads it back as rows of fields, undoing RFC 4180's quoting.
 */

/** Splits a CSV text into rows of fields (quoted fields may hold commas, quotes, breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

/**
 * The next CSV file the page saves: its name and its rows. jsdom has neither object URLs nor
 * downloads, so both are stood in for until the file is caught.
 */
export function readSavedCsv(): Promise<{
  fileName: string;
  lines: string[][];
}> {
  let blob: Blob | undefined;
  URL.createObjectURL = jest.fn((b: Blob) => {
    blob = b;
    return 'blob:billing';
  });
  URL.revokeObjectURL = jest.fn();
  return new Promise(resolve => {
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function saved(this: HTMLAnchorElement) {
        click.mockRestore();
        const fileName = this.download;
        // The Blob is Node's where jsdom's FileReader refuses it; both have text().
        blob!.text().then(text => resolve({ fileName, lines: parseCsv(text) }));
      });
  });
}
