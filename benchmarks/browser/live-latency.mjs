// Live-update latency in the browser: from the mediator's action (an HTTP POST) to the text appearing
// on a delegation's console in Debian's chromium (the console's SignalR message, then its re-read of
// its view, then the redraw). Uses the playwright-core that Microsoft.Playwright ships with the E2E
// tests (no download):
//   dotnet build tests/Parley.E2E && node benchmarks/browser/live-latency.mjs [count]
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = join(root, "tests/Parley.E2E/bin/Debug/net10.0");
const { chromium } = createRequire(import.meta.url)(join(bin, ".playwright/package"));
const count = Number(process.argv[2] || 50);
const port = 5300 + Math.floor(Math.random() * 500);
const db = join(mkdtempSync(join(tmpdir(), "parley-latency-")), "parley.db");

const server = spawn("dotnet", [join(bin, "Parley.Server.dll"), "--urls", `http://127.0.0.1:${port}`, "--db", "sqlite:" + db], { stdio: ["ignore", "pipe", "ignore"] });
const links = {};
await new Promise((resolve) => server.stdout.on("data", (d) => {
  for (const m of String(d).matchAll(/^\s+(\S+)\s+(http:\S+#token=\S+)$/gm)) links[m[1]] = m[2];
  if (Object.keys(links).length === 4) resolve();
}));
const id = links.mediator.match(/console\/([^#]+)/)[1], token = links.mediator.split("#token=")[1];

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const page = await (await browser.newContext()).newPage();
await page.goto(links.Israel);
await page.waitForFunction(() => document.querySelector("#connection").textContent.startsWith("Live"));

const ack = [], live = [];
for (let i = 0; i < count; i++) {
  const text = `latency probe ${i} ${Math.random()}`;
  const seen = page.waitForFunction((t) => document.body.innerText.includes(t) && Date.now(), text, { polling: "raf", timeout: 10000 });
  const t0 = Date.now();
  const res = await fetch(`http://127.0.0.1:${port}/api/negotiations/${id}/comments`, { method: "POST", headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" }, body: JSON.stringify({ text, to: "everyone" }) });
  if (!res.ok) throw new Error(`comment refused: ${res.status}`);
  ack.push(Date.now() - t0);
  live.push((await (await seen).jsonValue()) - t0);
  await new Promise((r) => setTimeout(r, 100));
}
await browser.close();
server.kill("SIGKILL");
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
console.log(`${count} comments; acknowledgement p50 ${q(ack, 0.5)} ms, p99 ${q(ack, 0.99)} ms; on the delegation's screen p50 ${q(live, 0.5)} ms, p99 ${q(live, 0.99)} ms, max ${Math.max(...live)} ms`);
