/** The taxonomy review checks keys against: fideslang's default plus custom categories from the config file. */
import { loadConfig } from '../config/load-config.js';
import { Taxonomy } from '../fides/taxonomy.js';

export function loadReviewTaxonomy(configFile: string | undefined): Taxonomy {
  const loaded = loadConfig(configFile);
  const custom = loaded?.config.classification.categories ?? [];
  if (custom.length === 0) return Taxonomy.default();
  return Taxonomy.default().extend(
    custom.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      parent: c.parent ?? (c.key.includes('.') ? c.key.slice(0, c.key.lastIndexOf('.')) : null),
    })),
  );
}
