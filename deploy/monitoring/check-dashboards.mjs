// Every query of every Grafana dashboard in deploy/monitoring/grafana/ must return series from a
// running Prometheus that scrapes the stack: a panel over a metric no service exports fails here.
// Usage: node deploy/monitoring/check-dashboards.mjs http://localhost:9090
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const prometheus = process.argv[2] ?? 'http://localhost:9090';
const dir = join(dirname(fileURLToPath(import.meta.url)), 'grafana');
let failures = 0;
let checked = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  const dashboard = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  for (const panel of dashboard.panels ?? []) {
    for (const target of panel.targets ?? []) {
      checked++;
      const url = `${prometheus}/api/v1/query?query=${encodeURIComponent(target.expr)}`;
      const answer = await (await fetch(url)).json();
      const series = answer.status === 'success' ? answer.data.result.length : 0;
      if (series === 0) {
        failures++;
        console.error(`FAIL ${file} "${panel.title}": ${target.expr} -> ${answer.error ?? 'no series'}`);
      } else {
        console.log(`ok   ${file} "${panel.title}": ${series} series`);
      }
    }
  }
}
console.log(`${checked} dashboard queries, ${failures} without series`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
