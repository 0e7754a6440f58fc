/*
 * Validates Kubernetes objects against their API schemas (kubernetes-models and its GKE and
 * External Secrets packages, which check with ajv). Reads a JSON array of objects on stdin and
 * writes a JSON array of { object, errors } for the invalid ones; an object of a kind it has no
 * schema for is invalid too. A separate ES module because these packages ship only as ES
 * modules, which Jest's CommonJS runtime cannot load; manifests.test.ts renders the
 * overlays with kubectl and runs it on what they render.
 */
import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as externalSecrets from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import * as gkeNetworking from '@kubernetes-models/gke/networking.gke.io/v1';

const models = new Map();
for (const group of [
  core,
  apps,
  policy,
  networking,
  externalSecrets,
  gkeNetworking,
]) {
  for (const model of Object.values(group)) {
    if (typeof model === 'function' && model.apiVersion && model.kind) {
      models.set(`${model.apiVersion}/${model.kind}`, model);
    }
  }
}

function problems(object) {
  const name = `${object.apiVersion}/${object.kind} ${object.metadata?.name}`;
  const Model = models.get(`${object.apiVersion}/${object.kind}`);
  if (!Model) {
    return { object: name, errors: ['no schema for this kind'] };
  }
  try {
    new Model(object).validate();
    return undefined;
  } catch (error) {
    return { object: name, errors: [error.message] };
  }
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => {
  input += chunk;
});
process.stdin.on('end', () => {
  const invalid = JSON.parse(input).map(problems).filter(Boolean);
  process.stdout.write(JSON.stringify(invalid));
});
