import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { CATEGORY } from '../../../src/classify/categories.js';
import { urlRecognizer } from '../../../src/classify/recognizers/url.js';
import { scoreValue } from '../../../src/classify/recognizers/recognizer.js';
import { reasonsFreeOf, run } from './column-options.js';

faker.seed(31);
const urls = Array.from({ length: 200 }, () => faker.internet.url());

describe('URL recognizer', () => {
  it.each([
    ['https://example.com', 1],
    ['http://example.com/path?q=1#top', 1],
    ['https://user:pw@example.com:8443/x', 1],
    ['http://192.168.0.1/admin', 1],
    ['https://münchen.de/stadt', 1],
    ['www.example.org', 0.9],
    ['www.example.org/about', 0.9],
    ['example.com/profile/jane', 0.4],
    // look-alikes
    ['example.com', 0.5], // a bare domain is a weak link
    ['report.pdf', 0],
    ['www.microsoft', 0],
    ['jane@example.com', 0],
    ['ftp://example.com/file', 0],
    ['https://', 0],
    ['3.14', 0],
    ['not a url.com', 0],
    ['file.txt', 0],
  ])('%s → %d', (value, expected) => {
    expect(scoreValue(urlRecognizer, value)).toBe(expected);
  });

  it('is a personal link in a table of people or a website/profile column', () => {
    const website = run(urlRecognizer, 'customers', { name: 'website', values: urls });
    expect(website).toMatchObject([{ category: CATEGORY.url, score: 1 }]);
    expect(run(urlRecognizer, 'leads', { name: 'link', values: urls })[0]).toMatchObject({ category: CATEGORY.url, score: 1 });
    expect(run(urlRecognizer, 'applications', { name: 'linkedin_url', values: urls })[0]).toMatchObject({ category: CATEGORY.url, score: 1 });
    expect(reasonsFreeOf(website, urls)).toBe(true);
  });

  it('is system.operations for product, image and API links', () => {
    expect(run(urlRecognizer, 'products', { name: 'url', values: urls })[0]).toMatchObject({ category: CATEGORY.operations, score: 0.8 });
    expect(run(urlRecognizer, 'users', { name: 'avatar_image_url', values: urls })[0].category).toBe(CATEGORY.operations);
    expect(run(urlRecognizer, 'integrations', { name: 'webhook_url', values: urls })[0].category).toBe(CATEGORY.operations);
  });

  it('stays below the threshold when nothing says whose links they are', () => {
    const [evidence] = run(urlRecognizer, 't1', { name: 'c2', values: urls });
    expect(evidence.category).toBe(CATEGORY.url);
    expect(evidence.score).toBeLessThan(0.5);
  });
});
