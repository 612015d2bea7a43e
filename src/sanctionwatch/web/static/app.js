// sanctionwatch: small progressive enhancements; every page works without this file.
"use strict";

async function pollBatch(el) {
  const url = el.dataset.poll;
  const bar = el.querySelector("progress");
  const label = el.querySelector(".label");
  for (;;) {
    const resp = await fetch(url, { headers: { Accept: "application/json" } });
    if (!resp.ok) { label.textContent = "error " + resp.status; return; }
    const job = await resp.json();
    bar.max = job.total || 1;
    bar.value = job.done;
    label.textContent = job.done + " / " + job.total + " rows screened" + (job.finished ? " — done" : "");
    if (job.finished) {
      const link = el.querySelector("a.result");
      if (link) link.hidden = false;
      return;
    }
    await new Promise((r) => setTimeout(r, 400));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-poll]").forEach((el) => { pollBatch(el); });
  const picker = document.querySelector("select[data-autosubmit]");
  if (picker) picker.addEventListener("change", () => picker.form.submit());
});
