import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import {
  MAX_ENTITY_NAME_LENGTH,
  entityName,
  isHashedEntityName,
} from './naming';
import {
  dnsRecordEntityName,
  emailPrincipalEntityName,
  gcpProjectEntityName,
  gcsBucketEntityName,
  githubUserEntityName,
  gcpServiceAccountEntityName,
  gkeClusterEntityName,
} from './entityNames';

describe('entityName', () => {
  it('keeps clean identifiers readable, joined by --', () => {
    expect(
      gkeClusterEntityName('kubernetes-public', 'us-central1', 'aaa'),
    ).toBe('gke-cluster--kubernetes-public--us-central1--aaa');
    expect(gcpProjectEntityName('k8s-artifacts-prod')).toBe(
      'gcp-project--k8s-artifacts-prod',
    );
  });

  it('gives two clusters of the same name in different projects two names', () => {
    const a = gkeClusterEntityName('kubernetes-public', 'us-central1', 'aaa');
    const b = gkeClusterEntityName(
      'k8s-infra-prow-build',
      'us-central1',
      'aaa',
    );
    expect(a).not.toBe(b);
  });

  it('does not let a project and a bucket with the same ID collide', () => {
    expect(gcpProjectEntityName('k8s-artifacts-prod')).not.toBe(
      gcsBucketEntityName('k8s-artifacts-prod'),
    );
  });

  it('does not collide when parts could be re-split differently', () => {
    expect(entityName(['a-b', 'c'])).not.toBe(entityName(['a', 'b-c']));
    expect(entityName(['a.b', 'c'])).not.toBe(entityName(['a', 'b.c']));
    expect(entityName(['a--b'])).not.toBe(entityName(['a', 'b']));
  });

  it('hashes identifiers that sanitising would merge', () => {
    const names = [
      entityName(['bucket_name']),
      entityName(['bucket-name']),
      entityName(['Bucket-Name']),
      entityName(['bucket..name']),
    ];
    expect(new Set(names).size).toBe(names.length);
    expect(names[1]).toBe('bucket-name');
    expect(names[0]).toBe('bucket_name');
    expect(names[2]).toMatch(/^bucket-name_[0-9a-f]{16}$/);
  });

  it('keeps underscores that real identifiers use, and stays apart from hashed names', () => {
    expect(dnsRecordEntityName('_acme-challenge.docs.k8s.io.', 'CNAME')).toBe(
      'dns-record--_acme-challenge.docs.k8s.io--cname',
    );
    // A name must start and end with a letter or digit.
    expect(isHashedEntityName(entityName(['_acme']))).toBe(true);
    expect(isHashedEntityName(entityName(['acme_']))).toBe(true);
    // A clean name that looks hashed is hashed, so the two forms never meet.
    const lookalike = entityName(['x_0123456789abcdef']);
    expect(lookalike).not.toBe('x_0123456789abcdef');
    expect(isHashedEntityName(lookalike)).toBe(true);
  });

  it('is deterministic', () => {
    expect(entityName(['Weird Name/With@Chars'])).toBe(
      entityName(['Weird Name/With@Chars']),
    );
  });

  it('shortens long names with a stable hash suffix and stays within 63 characters', () => {
    const long = `k8s-staging-${'x'.repeat(80)}`;
    const name = gcsBucketEntityName(long);
    expect(name.length).toBeLessThanOrEqual(MAX_ENTITY_NAME_LENGTH);
    expect(name).toMatch(/^gcs-bucket--k8s-staging-x+_[0-9a-f]{16}$/);
    expect(gcsBucketEntityName(`${long}y`)).not.toBe(name);
  });

  it('produces names Backstage accepts for odd input', () => {
    for (const parts of [
      ['-leading', 'trailing-'],
      ['émoji 🚀', 'ünïcode'],
      ['@@@'],
      ['a'.repeat(500)],
      ['artifacts.k8s-artifacts-prod.appspot.com'],
      ['UPPER', 'case'],
    ]) {
      const name = entityName(parts);
      expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
    }
  });

  it('rejects empty parts with a clear error', () => {
    expect(() => entityName([])).toThrow(/non-empty parts/);
    expect(() => entityName(['project', ''])).toThrow(/non-empty parts/);
  });
});

describe('principal names', () => {
  it('treats GitHub logins case-insensitively', () => {
    expect(githubUserEntityName('Ameukam')).toBe(
      githubUserEntityName('ameukam'),
    );
    expect(githubUserEntityName('ameukam')).toBe('ameukam');
  });

  it('keeps the domain of e-mail principals', () => {
    expect(
      emailPrincipalEntityName('k8s-infra-gcp-org-admins@kubernetes.io'),
    ).toBe('k8s-infra-gcp-org-admins--kubernetes.io');
    expect(emailPrincipalEntityName('admins@kubernetes.io')).not.toBe(
      emailPrincipalEntityName('admins@knative.dev'),
    );
  });
});

describe('service account names', () => {
  it('are built from the e-mail that IAM policies use', () => {
    expect(
      gcpServiceAccountEntityName(
        'k8s-infra-gcr-promoter@k8s-artifacts-prod.iam.gserviceaccount.com',
      ),
    ).toBe('gcp-service-account--k8s-infra-gcr-promoter--k8s-artifacts-prod');
    // Google-managed and other domains keep the whole domain: no collision with the above.
    expect(gcpServiceAccountEntityName('ci@appspot.gserviceaccount.com')).toBe(
      'gcp-service-account--ci--appspot.gserviceaccount.com',
    );
  });

  it('stay valid and distinct when the e-mail is too long or malformed', () => {
    const long = gcpServiceAccountEntityName(
      'service-123456789012@gcp-sa-artifactregistry.iam.gserviceaccount.com',
    );
    expect(long.length).toBeLessThanOrEqual(MAX_ENTITY_NAME_LENGTH);
    expect(KubernetesValidatorFunctions.isValidObjectName(long)).toBe(true);
    expect(gcpServiceAccountEntityName('not-an-email')).toBe(
      'gcp-service-account--not-an-email',
    );
  });

  it('shorten a Google-managed domain only when the whole one does not fit', () => {
    expect(
      gcpServiceAccountEntityName(
        '395811472440-compute@developer.gserviceaccount.com',
      ),
    ).toBe('gcp-service-account--395811472440-compute--developer_gsa');
    expect(
      gcpServiceAccountEntityName('123@cloudbuild.gserviceaccount.com'),
    ).toBe('gcp-service-account--123--cloudbuild.gserviceaccount.com');
  });
});
