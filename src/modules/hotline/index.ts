import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { registerHotlineRoutes } from './routes.ts';

export const hotlineModule: Module = {
  name: 'hotline',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerHotlineRoutes,
};

export { createTicket } from './tickets.ts';
export { acceptTicket, answerTicket, completeTicket, dispatchTicket } from './handling.ts';
// The knowledge base: the seed writes articles through its services; 智能问答 answers from
// searchKnowledge (scores 0–1, comparable between articles and guides, for a confidence
// threshold); the classifier trains on knowledgeCorpus.
export { createArticle, publishArticle, updateArticle } from './knowledge.ts';
export { searchKnowledge, knowledgeCorpus } from './knowledge-search.ts';
export { seedHotlineCatalogue, type CategorySeed } from './seed.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
