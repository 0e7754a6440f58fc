import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and rows, CRLF-separated, numbers unrounded', () => {
    expect(
      toCsv(
        ['Project', 'Net (USD)'],
        [
          ['k8s-artifacts-prod', 130000.125],
          ['k8s-infra-prow-build', -0.5],
        ],
      ),
    ).toBe(
      'Project,Net (USD)\r\nk8s-artifacts-prod,130000.125\r\nk8s-infra-prow-build,-0.5\r\n',
    );
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes', () => {
    expect(
      toCsv(
        ['Name', 'Note'],
        [
          ['SIG "Testing", infra', 'line one\nline two'],
          ['plain', 'a\r\nb'],
        ],
      ),
    ).toBe(
      'Name,Note\r\n"SIG ""Testing"", infra","line one\nline two"\r\nplain,"a\r\nb"\r\n',
    );
  });

  it('leaves missing values empty and keeps zero and false', () => {
    expect(toCsv(['a', 'b', 'c'], [[undefined, 0, false]])).toBe(
      'a,b,c\r\n,0,false\r\n',
    );
  });
});
