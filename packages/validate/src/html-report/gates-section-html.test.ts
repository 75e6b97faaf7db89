import { describe, expect, it } from 'vitest';
import type { GateResult } from '../report/validation-report.js';
import { gatesSectionHtml } from './gates-section-html.js';

const gate = (
  id: string,
  status: GateResult['status'],
  extra: Partial<GateResult> = {},
): GateResult => ({
  id,
  category: 'fidelity',
  title: `Title of ${id}`,
  status,
  observed: 0.75,
  expected: 0.925,
  tolerance: 0.1,
  comparison: 'within',
  message: `message of ${id}`,
  ...extra,
});

describe('gatesSectionHtml', () => {
  it('shows an inconclusive gate as INCONCLUSIVE, not as a pass, with its figures', () => {
    const html = gatesSectionHtml([
      gate('marginals', 'pass'),
      gate('occupancy-band', 'inconclusive', {
        details: {
          checks: 120,
          worst: [
            {
              key: 'LM-SNW 2025',
              observed: 0.75,
              expected: 0.925,
              tolerance: 0.99,
              comparison: 'within',
              passed: true,
            },
          ],
        },
      }),
    ]);
    const row =
      /<tr class="gate status-inconclusive" id="gate-occupancy-band"[\s\S]*?<\/tr>/.exec(
        html,
      )?.[0] ?? '';
    expect(row).toContain('data-status="inconclusive"');
    expect(row).toContain('<span aria-hidden="true">?</span> INCONCLUSIVE</span>');
    expect(row).not.toContain('PASS');
    expect(row).toContain('<td class="num">0.75</td>');
    expect(row).toContain('<td class="num">±0.1</td>');
    expect(row).toContain('Closest checks (1 of 120)');
    expect(html).toContain(
      '<li class="status-inconclusive"><span class="badge status-inconclusive"><span aria-hidden="true">?</span> INCONCLUSIVE</span> 1</li>',
    );
  });

  it('names failing checks, one-sided tolerances and escapes what gates report', () => {
    const html = gatesSectionHtml([
      gate('ed-volumes', 'fail', {
        comparison: 'at-most',
        message: 'volume <script>alert(1)</script> & more',
        details: {
          checks: 36,
          worst: [
            {
              key: 'A & B',
              observed: 5,
              expected: 1,
              tolerance: 2,
              comparison: 'at-most',
              passed: false,
            },
          ],
        },
      }),
      gate('k-anonymity', 'info', { observed: null, expected: null, tolerance: null }),
    ]);
    expect(html).toContain('✗</span> FAIL');
    expect(html).toContain('Failing checks (1 of 36)');
    expect(html).toContain('<td class="num">+0.1</td>');
    expect(html).toContain('volume &lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).not.toContain('<script>');
    expect(html).toContain('A &amp; B');
    expect(html).toMatch(/data-gate="k-anonymity"[\s\S]*?<td class="num">–<\/td>/);
  });
});
