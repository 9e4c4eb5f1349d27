import { api } from '../../../api/client.ts';
import { putFile } from '../api.ts';

/** The bundle case API (/api/case-bundles): one application for a 一件事, one case per department. */

// API shapes come from the cases module's bundle schemas (type-only: nothing of the server is bundled).
import type { BundleCaseDetail, BundleProgress, MyBundles } from '../../../../../src/modules/cases/api.ts';

export type { BundleMaterialView, BundleMemberView, BundleTimelineEntry, MyBundleRow } from '../../../../../src/modules/cases/api.ts';
export type { BundleCaseDetail, BundleProgress };
export type BundleStatus = BundleCaseDetail['bundleCase']['status'];
export type BundleOutcome = BundleCaseDetail['bundleCase']['outcome'];

export const bundleCases = {
  create: (bundle: string, optionalItems: string[], idempotencyKey: string) =>
    api.post<BundleCaseDetail>('/api/case-bundles', { bundle, optionalItems, idempotencyKey }),
  get: (id: string) => api.get<BundleCaseDetail>(`/api/case-bundles/${id}`),
  mine: () => api.get<MyBundles>('/api/case-bundles/mine', { pageSize: 100 }),
  save: (id: string, version: number, formData: Record<string, unknown>) => api.put<BundleCaseDetail>(`/api/case-bundles/${id}/form`, { version, formData }),
  submit: (id: string, version: number, idempotencyKey: string) => api.post<BundleCaseDetail>(`/api/case-bundles/${id}/submit`, { version, idempotencyKey }),
  resubmit: (id: string, version: number) => api.post<BundleCaseDetail>(`/api/case-bundles/${id}/resubmit`, { version }),
  withdraw: (id: string, version: number) => api.post<BundleCaseDetail>(`/api/case-bundles/${id}/withdraw`, { version }),
  progress: (number: string, code: string) => api.get<BundleProgress>('/api/public/bundle-progress', { number, code }),
};

export const uploadBundleMaterial = (id: string, key: string, file: File) =>
  putFile<{ id: string }>(`/api/case-bundles/${id}/materials/${encodeURIComponent(key)}`, file);
