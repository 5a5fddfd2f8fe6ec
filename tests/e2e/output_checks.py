"""What a learner would see as broken in a rendered notebook, read from the browser's DOM.

The same checks serve JupyterLab and Voilà: both render outputs with JupyterLab's output
area (``.jp-OutputArea-output``) and widgets with ``@jupyter-widgets`` (``.jupyter-widgets``).
A widget output carries no ``data-mime-type``: it is recognised by its content (a
``.jupyter-widgets`` root once rendered; "Loading widget..." or "Error displaying widget" text
otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import ConsoleMessage, Error, Page

# Every problem the page shows, as {kind, text}; kept in JavaScript so one round trip reads all.
FIND_PROBLEMS_JS = r"""
() => {
  const problems = [];
  const short = (text) => text.trim().slice(0, 600);
  for (const el of document.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')) {
    const text = el.innerText;
    // JupyterLab renders error outputs (tracebacks) with the stderr mime type too.
    if (text.includes('Traceback') || /^\s*\w*(Error|Exception)(: |$)/m.test(text)) {
      problems.push({kind: 'traceback', text: short(text)});
    }
    // JupyterLab's own message when a renderer (e.g. a widget view) throws.
    if (/Javascript Error/.test(text)) problems.push({kind: 'javascript error', text: short(text)});
  }
  for (const el of document.querySelectorAll('[data-mime-type="application/vnd.jupyter.error"]')) {
    problems.push({kind: 'error output', text: short(el.innerText)});
  }
  // A widget view the front end could not render: text fallback, endless loading, error text.
  const reprPattern = /^\s*[A-Z]\w*\((children|value|layout|description|options|index|style)=/m;
  for (const el of document.querySelectorAll('.jp-OutputArea-output')) {
    const text = el.innerText || '';
    if (el.getAttribute('data-mime-type') === 'text/plain' && reprPattern.test(text)) {
      problems.push({kind: 'widget shown as text', text: short(text)});
    }
    if (/^\s*Loading widget\.\.\./.test(text)) {
      problems.push({kind: 'widget still loading', text: short(text)});
    }
    if (/Error displaying widget|Failed to load model class|Class \S+ not found/i.test(text)) {
      problems.push({kind: 'widget error', text: short(text)});
    }
  }
  for (const el of document.querySelectorAll('.jupyter-widgets-error-widget')) {
    problems.push({kind: 'widget error', text: short(el.innerText || el.title || 'error widget')});
  }
  // The package's apps show callback errors in an ErrorArea (role="alert").
  for (const el of document.querySelectorAll('.jupyter-widgets [role="alert"]')) {
    if (el.innerText.trim()) problems.push({kind: 'app error area', text: short(el.innerText)});
  }
  return problems;
}
"""

# Widget outputs: rendered ones hold a .jupyter-widgets root; the others show text.
COUNT_WIDGETS_JS = r"""
() => {
  const outputs = [...document.querySelectorAll('.jp-OutputArea-output')];
  const rendered = outputs.filter(
    el => [...el.children].some(c => c.classList.contains('jupyter-widgets')));
  const failed = outputs.filter(
    el => /^\s*(Loading widget\.\.\.|Error displaying widget)/.test(el.innerText || ''));
  return {views: rendered.length + failed.length, rendered: rendered.length};
}
"""

# No widget output still says "Loading widget...": checks may run now.
WIDGETS_SETTLED_JS = r"""
() => ![...document.querySelectorAll('.jp-OutputArea-output')]
  .some(el => /^\s*Loading widget\.\.\./.test(el.innerText || ''))
"""


def find_problems(page: Page) -> list[dict[str, str]]:
    """Errors, tracebacks and unrendered widgets visible in the page's outputs."""
    return page.evaluate(FIND_PROBLEMS_JS)


def count_widget_views(page: Page) -> dict[str, int]:
    return page.evaluate(COUNT_WIDGETS_JS)


def wait_widgets_settled(page: Page, timeout_ms: float = 20_000) -> bool:
    """Wait until every widget output is rendered or failed; False if some never settled."""
    try:
        page.wait_for_function(WIDGETS_SETTLED_JS, timeout=timeout_ms)
    except Error:
        return False
    return True


def format_problems(problems: list[dict[str, str]]) -> str:
    return "\n".join(f"- {p['kind']}: {p['text']}" for p in problems)


@dataclass
class BrowserLog:
    """JavaScript errors and console errors of one page, plus requests blocked off-machine."""

    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> None:
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("console", self._on_console)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        text = message.text
        url = (message.location or {}).get("url", "")
        if text.startswith("Failed to load resource") and url in self.blocked_requests:
            return  # a request off this machine, which we abort on purpose
        self.console_errors.append(f"{text[:600]} ({url})" if url else text[:600])

    def problems(self) -> list[str]:
        return [f"JavaScript error: {e}" for e in self.page_errors] + [
            f"console error: {e}" for e in self.console_errors
        ]
