import { plainText } from './plainText';

describe('plainText', () => {
  it.each([
    [
      'gcsweb serves [GCS buckets](https://cloud.google.com/storage) as **web pages**.',
      'gcsweb serves GCS buckets as web pages.',
    ],
    [
      'Runs `kube-apiserver` with _strict_ flags; see <https://k8s.io/docs>.',
      'Runs kube-apiserver with strict flags; see https://k8s.io/docs.',
    ],
    ['![logo](logo.png) The *publishing bot*', 'logo The publishing bot'],
    [
      '## Elekto\n> An election app\n- votes\n1. counts',
      'Elekto\nAn election app\nvotes\ncounts',
    ],
    ['Deployed to <b>aaa</b> cluster<br/>', 'Deployed to aaa cluster'],
    ['~~old~~ new, see [the docs][docs]', 'old new, see the docs'],
  ])('%j reads as %j', (markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });

  it('keeps the underscores and asterisks of identifiers and globs', () => {
    expect(plainText('k8s_infra_prow_build in gs://k8s-release/*.tar.gz')).toBe(
      'k8s_infra_prow_build in gs://k8s-release/*.tar.gz',
    );
  });
});
