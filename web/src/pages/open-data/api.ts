import type { Static } from 'typebox';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

// API shapes come from the data module's route schemas (type-only: nothing of the server is bundled).
import type {
  OpenDataset,
  OpenDatasetDetail as DetailSchema,
  OpenDatasetQuery,
  OpenDownloadQuery,
} from '../../../../src/modules/data/api.ts';

export type { OpenDataset };
export type OpenDatasetDetail = Static<typeof DetailSchema>;
export type DownloadFormat = Static<typeof OpenDownloadQuery>['format'];

/** The download formats, in the order the buttons show them. */
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = ['csv', 'json', 'xlsx'];

/** The DCAT-AP catalogue of the same datasets, for machine readers (Turtle; JSON-LD on asking). */
export const DCAT_CATALOG = '/api/data/catalog';
export const DCAT_CATALOG_JSONLD = `${DCAT_CATALOG}?format=jsonld`;

/** 数据开放: the open datasets, for anyone (no sign-in). */
export const openData = {
  list: (query: Partial<OpenDatasetQuery>, signal?: AbortSignal) =>
    api.get<Page<OpenDataset>>('/api/open/datasets', query, signal),
  get: (code: string) => api.get<OpenDatasetDetail>('/api/open/dataset', { code }),
  /** A plain link: the server answers the file as an attachment, the browser downloads it. */
  downloadUrl: (code: string, format: DownloadFormat) => `/api/open/download?code=${encodeURIComponent(code)}&format=${format}`,
};

// A 信息资源代码 holds one slash (101001/000001): in the page's path it stands as a dash, as in
// the download's file name; the code is digits otherwise, so the dash reads back unambiguously.
export const datasetPath = (code: string) => `/open-data/${code.replace('/', '-')}`;
export const codeOfPath = (param: string) => param.replace('-', '/');
