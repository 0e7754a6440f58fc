import { describeTypes, typeBreadth, typeNoun } from './typeNouns';

describe('type nouns', () => {
  it('names types as people do', () => {
    expect(typeNoun('gcp-service-account', 2)).toBe('service accounts');
    expect(typeNoun('gcs-bucket', 1)).toBe('bucket');
    expect(typeNoun('dns-policy', 2)).toBe('DNS policies');
    expect(typeNoun('container-registry', 3)).toBe('container registries');
    expect(typeNoun('k8s-ingress', 2)).toBe('Kubernetes ingresses');
    expect(typeNoun('System', 12)).toBe('systems');
    expect(typeNoun('sig', 2)).toBe('SIGs');
    expect(typeNoun('gateway', 2)).toBe('gateways');
    expect(typeNoun(undefined, 2)).toBe('entities');
  });

  it('describes counts by type, widest first', () => {
    expect(
      describeTypes({ 'gcs-bucket': 1200, 'gcp-project': 327, 'gcp-key': 3 }),
    ).toBe('327 projects, 1,200 buckets, 3 keys');
    expect(typeBreadth('gcp-organization')).toBeLessThan(
      typeBreadth('gcp-folder'),
    );
  });
});
