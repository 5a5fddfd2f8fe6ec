"""Using the guide's widget apps as a learner does: keyboard on sliders, clicks on the rest.

Apps follow a convention (see docs/e2e.md): the app root has the CSS class ``it-app``, charts
``it-chart`` (an ``Image`` widget, i.e. an ``<img>``), shown numbers ``it-summary``. Where a
notebook does not use the classes, the top-level widget views with a control stand in for apps,
``<img>`` widgets for charts and HTML widgets for the shown numbers.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import Error, Locator, Page

# Marks each app root with data-e2e-app="<index>" and describes it.
MARK_APPS_JS = r"""
() => {
  const controlSel = '.widget-slider, select, input, button, textarea';
  let apps = [...document.querySelectorAll('.it-app')]
    .filter(el => !el.parentElement.closest('.it-app'));
  const classed = apps.length > 0;
  if (!classed) {
    apps = [...document.querySelectorAll('.jp-OutputArea-output .jupyter-widgets')]
      .filter(el => !el.parentElement.closest('.jupyter-widgets'))
      .filter(el => el.querySelector(controlSel));
  }
  return apps.map((el, index) => {
    el.setAttribute('data-e2e-app', String(index));
    return {index, classed};
  });
}
"""

SNAPSHOT_JS = r"""
(app) => {
  let charts = [...app.querySelectorAll('img.it-chart, .it-chart img')];
  if (!charts.length) charts = [...app.querySelectorAll('img.widget-image')];
  const classedSummaries = [...app.querySelectorAll('.it-summary')];
  const summaries = classedSummaries.length ? classedSummaries
    : [...app.querySelectorAll('.widget-html, .widget-htmlmath')];
  return {
    charts: charts.map(img => img.src),
    summary: summaries.map(el => el.innerText.trim()).join('\n'),
    has_classed_summary: classedSummaries.length > 0,
    // What the app writes (HTML, labels, printed output), not the controls' own echo
    // (a slider's readout changes on the key press, before the kernel has answered).
    text: [...app.querySelectorAll('.widget-html, .widget-htmlmath, .widget-label, .widget-output')]
      .map(el => el.innerText.trim()).join('\n'),
  };
}
"""

# Times one key press to the next chart redraw, both on the browser's own clock.
ARM_LATENCY_JS = r"""
(app) => {
  let charts = [...app.querySelectorAll('img.it-chart, .it-chart img')];
  if (!charts.length) charts = [...app.querySelectorAll('img.widget-image')];
  const probe = {keyAt: null, redrawAt: null};
  window.__e2eLatency = probe;
  document.addEventListener('keydown', () => { probe.keyAt = performance.now(); },
                            {once: true, capture: true});
  const observers = [];
  for (const img of charts) {
    const obs = new MutationObserver(() => {
      if (probe.redrawAt === null) probe.redrawAt = performance.now();
      observers.forEach(o => o.disconnect());
    });
    obs.observe(img, {attributes: true, attributeFilter: ['src']});
    observers.push(obs);
  }
}
"""
# The accessible name of every chart image on the page, from the attributes that name an
# image, in the order a screen reader reads them (aria-label, alt, then title: ipywidgets 8
# shows an Image's ``tooltip`` as ``title``).
CHART_NAMES_JS = r"""
() => [...document.querySelectorAll('img.it-chart, .it-chart img')].map(img =>
  ['aria-label', 'alt', 'title'].map(a => (img.getAttribute(a) || '').trim()).find(Boolean)
  || '')
"""
REDRAWN_JS = "() => window.__e2eLatency.redrawAt !== null && window.__e2eLatency.keyAt !== null"
LATENCY_JS = "() => window.__e2eLatency.redrawAt - window.__e2eLatency.keyAt"

SLIDER_HANDLES = ".widget-slider .noUi-target:not([disabled]) .noUi-handle"
OTHER_CONTROLS = (
    ("dropdown", ".widget-dropdown select:not([disabled])"),
    ("checkbox", ".widget-checkbox input[type=checkbox]:not([disabled])"),
    ("toggle buttons", ".widget-toggle-buttons button:not(.mod-active):not([disabled])"),
    ("radio buttons", ".widget-radio-box input[type=radio]:not(:checked):not([disabled])"),
    ("toggle button", "button.widget-toggle-button:not([disabled])"),
    ("text", ".widget-text input[type=text]:not([disabled]), .widget-textarea textarea"),
    ("button", "button.widget-button:not([disabled])"),
)
DECISION_WORDS = re.compile(r"accept|ask|decline|refus|demander|accepter|ignore", re.IGNORECASE)
TEXT_TO_TYPE = "Data scientist"

PRESS_TIMEOUT_S = 1.5  # no reaction within this: the press changed nothing visible
SETTLE_S = 0.15  # between timed presses, for a second redraw of the same press to land
QUIET_S = 0.5  # after a first reaction, the app is done when nothing changed for this long
SETTLE_TIMEOUT_S = 4.0
CONTROL_TIMEOUT_S = 5.0  # generous: only a control that changes nothing waits this long
RESTORE_TIMEOUT_S = 5.0
MAX_SLIDER_PRESSES = 6
MAX_PRESSES_PER_APP = 24
REDRAW_TIMEOUT_MS = 2_000
MAX_MISSES = 2


@dataclass(frozen=True)
class Snapshot:
    charts: list[str]
    summary: str
    has_classed_summary: bool
    text: str

    def changed(self, other: Snapshot) -> set[str]:
        parts = set()
        if self.charts != other.charts:
            parts.add("chart")
        if self.summary != other.summary:
            parts.add("numbers")
        if self.text != other.text:
            parts.add("text")
        return parts

    def expected_from_slider(self) -> set[str]:
        """What a slider of this app must change: its chart and its shown numbers."""
        expected = set()
        if self.charts:
            expected.add("chart")
        if self.has_classed_summary:
            expected.add("numbers")
        return expected or {"text"}


@dataclass
class AppResult:
    """What was done to one app and what it did in return."""

    index: int
    actions: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    latency_ms: list[float] = field(default_factory=list)
    presses_without_redraw: int = 0
    used_slider: bool = False
    used_other_control: bool = False


def mark_apps(page: Page) -> list[dict]:
    """Find the apps on the page (outermost ``.it-app``, else widget roots with a control)."""
    return page.evaluate(MARK_APPS_JS)


def chart_names(page: Page) -> list[str]:
    """The accessible name of each chart (``.it-chart`` image) on the page, "" when it has
    none: a screen reader would announce only "image"."""
    return page.evaluate(CHART_NAMES_JS)


def unnamed_charts(names: list[str]) -> list[str]:
    """A failure for each chart without an accessible name (numbered from 1, page order)."""
    return [f"chart {number} of {len(names)} has no accessible name (alt, aria-label or title)"
            for number, name in enumerate(names, start=1) if not name]


def app_locator(page: Page, index: int) -> Locator:
    return page.locator(f'[data-e2e-app="{index}"]')


def snapshot(app: Locator) -> Snapshot:
    return Snapshot(**app.evaluate(SNAPSHOT_JS))


def visible_items(candidates: Locator) -> list[Locator]:
    return [candidates.nth(i) for i in range(candidates.count()) if candidates.nth(i).is_visible()]


def wait_for(app: Locator, before: Snapshot, done: Callable[[set[str]], bool], timeout_s: float):
    """Poll the app until ``done(changed parts)`` holds; return the last snapshot."""
    deadline = time.monotonic() + timeout_s
    current = snapshot(app)
    while not done(before.changed(current)) and time.monotonic() < deadline:
        time.sleep(0.05)
        current = snapshot(app)
    return current


def wait_until_still(app: Locator, quiet_s: float = QUIET_S, timeout_s: float = 10.0) -> Snapshot:
    """Wait until the app has not changed for ``quiet_s``.

    Needed before the first look: right after rendering, the front end may still be sending
    values back (a slider snaps a start value that is off its step grid, 0.2136 -> 0.21) and
    the app redraws for each of them.
    """
    current = snapshot(app)
    deadline = time.monotonic() + timeout_s
    quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < quiet_s and time.monotonic() < deadline:
        time.sleep(0.05)
        latest = snapshot(app)
        if current.changed(latest):
            quiet_since = time.monotonic()
        current = latest
    return current


def _key_towards_room(handle: Locator) -> str:
    """ArrowRight unless the slider is at its maximum (then ArrowLeft)."""
    now = float(handle.get_attribute("aria-valuenow") or 0)
    top = float(handle.get_attribute("aria-valuemax") or 0)
    return "ArrowLeft" if now >= top else "ArrowRight"


def _slider_value(handle: Locator) -> str:
    """The slider's readout (full precision; aria-valuenow is rounded to one decimal)."""
    return handle.evaluate(
        "h => { const s = h.closest('.widget-slider');"
        " const r = s && s.querySelector('.widget-readout');"
        " return (r ? r.innerText.trim() : '') || h.getAttribute('aria-valuenow'); }"
    )


def _after_press(app: Locator, previous: Snapshot, before: Snapshot, expected: set[str]):
    """Wait for the app to react to a key press, then until it shows ``expected`` changes
    (relative to ``before``) or has been quiet for ``QUIET_S``."""
    current = wait_for(app, previous, bool, PRESS_TIMEOUT_S)
    if not previous.changed(current):
        return current  # no reaction: this step changes nothing visible
    deadline = time.monotonic() + SETTLE_TIMEOUT_S
    quiet_since = time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - quiet_since < QUIET_S:
        if expected.issubset(before.changed(current)):
            return current
        time.sleep(0.05)
        latest = snapshot(app)
        if current.changed(latest):
            quiet_since = time.monotonic()
        current = latest
    return current


def _press(page: Page, handle: Locator, key: str) -> None:
    handle.focus()  # a re-rendered app would have taken the focus away
    page.keyboard.press(key)


def move_slider_with_keyboard(page: Page, app: Locator, result: AppResult) -> Locator | None:
    """Press arrow keys on a slider until the app's chart and numbers change.

    Tries each visible slider of the app in turn (a weight moved by one step may change no
    decision); returns the one that worked. Presses per app are bounded.
    """
    handles = visible_items(app.locator(SLIDER_HANDLES))
    if not handles:
        return None
    if app.evaluate("el => el.classList.contains('it-predict')"):
        return _move_guess(page, app, handles[0], result)
    presses_left = MAX_PRESSES_PER_APP
    expected: set[str] = set()
    for number, handle in enumerate(handles, start=1):
        before = snapshot(app)
        expected = before.expected_from_slider()
        value_before = _slider_value(handle)
        current = before
        keys: list[str] = []
        for _ in range(MAX_SLIDER_PRESSES):
            if presses_left == 0:
                break
            presses_left -= 1
            keys.append(_key_towards_room(handle))
            _press(page, handle, keys[-1])
            current = _after_press(app, current, before, expected)
            if expected.issubset(before.changed(current)):
                break
        value_after = _slider_value(handle)
        changed = before.changed(current)
        result.actions.append(
            f"slider {number}: {value_before} -> {value_after}, "
            f"changed {sorted(changed) or 'nothing'}"
        )
        if value_after != value_before and expected.issubset(changed):
            result.used_slider = True
            _check_round_trip(page, app, handle, keys, before, value_before, result)
            return handle
        if presses_left == 0:
            break
    result.failures.append(
        f"no slider changed the app's {' and '.join(sorted(expected))} "
        f"(tried: {'; '.join(result.actions)})"
    )
    return None


def _move_guess(page: Page, app: Locator, handle: Locator, result: AppResult) -> None:
    """A "place your bets" app: its slider is the learner's guess and, by design, changes
    nothing until "Reveal" (``use_other_control`` then presses it and must see the answer).
    The guess itself must move with the keyboard."""
    value_before = _slider_value(handle)
    key = _key_towards_room(handle)
    for _ in range(3):
        _press(page, handle, key)
        if _slider_value(handle) != value_before:
            break
    value_after = _slider_value(handle)
    result.actions.append(f"guess slider: {value_before} -> {value_after}")
    if value_after == value_before:
        result.failures.append(f"the guess slider did not move from the keyboard ({value_before})")
    else:
        result.used_slider = True
    return None


def _shows_the_same(changed_parts: set[str]) -> bool:
    """Same numbers and text (a chart's blob URL is new on every redraw, so it is not compared)."""
    return not changed_parts & {"numbers", "text"}


def _check_round_trip(
    page: Page,
    app: Locator,
    handle: Locator,
    keys: list[str],
    before: Snapshot,
    value_before: str,
    result: AppResult,
) -> None:
    """Pressing the opposite keys brings the slider back; the app must show what it showed."""
    back = {"ArrowRight": "ArrowLeft", "ArrowLeft": "ArrowRight"}
    current = snapshot(app)
    for key in reversed(keys):
        _press(page, handle, back[key])
        current = _after_press(app, current, current, {"numbers", "text"})
    restored = wait_for(app, before, _shows_the_same, RESTORE_TIMEOUT_S)
    value = _slider_value(handle)
    if value != value_before:
        result.failures.append(f"slider did not return to {value_before} (shows {value})")
    elif before.summary != restored.summary or before.text != restored.text:
        result.failures.append(
            f"slider back at {value_before}, but the app does not show what it showed there "
            f"(numbers before: {before.summary[:200]!r}; after: {restored.summary[:200]!r})"
        )
    else:
        result.actions.append(f"slider back to {value_before}: app restored")
    # Leave the app away from its starting state, so that a "Reset" button has work to do.
    _press(page, handle, keys[0])
    _after_press(app, restored, restored, set())


def measure_redraw_latency(page: Page, app: Locator, handle: Locator, presses: int, result):
    """Milliseconds from a key press on ``handle`` to a new chart ``src``, per press.

    Stops early after ``MAX_MISSES`` presses in a row that redraw nothing (a step that changes
    no pixel of the chart sends no new image).
    """
    misses = 0
    for _ in range(presses):
        app.evaluate(ARM_LATENCY_JS)
        _press(page, handle, _key_towards_room(handle))
        try:
            page.wait_for_function(REDRAWN_JS, timeout=REDRAW_TIMEOUT_MS)
        except Error:
            result.presses_without_redraw += 1
            misses += 1
            if misses >= MAX_MISSES:
                return
            continue
        misses = 0
        result.latency_ms.append(round(page.evaluate(LATENCY_JS), 1))
        time.sleep(SETTLE_S)  # let a second redraw of the same press land before the next one


def _operate(kind: str, control: Locator) -> str:
    if kind == "dropdown":
        count = control.locator("option").count()
        if count < 2:
            return ""
        index = control.evaluate("el => el.selectedIndex")
        target = (index + 1) % count
        control.select_option(index=target)
        return f"dropdown option {index} -> {target}"
    if kind == "text":
        control.fill(TEXT_TO_TYPE)
        control.press("Enter")
        return f"typed {TEXT_TO_TYPE!r} + Enter"
    label = (control.inner_text() if kind != "checkbox" else "") or kind
    control.click()
    return f"clicked {kind} {label.strip()[:40]!r}"


def use_other_control(app: Locator, result: AppResult) -> bool:
    """Use a non-slider control (dropdown, checkbox, buttons, text) until the app reacts."""
    tried = []
    for kind, selector in OTHER_CONTROLS:
        for control in visible_items(app.locator(selector))[:2]:
            before = snapshot(app)
            action = _operate(kind, control)
            if not action:
                continue
            after = wait_for(app, before, bool, CONTROL_TIMEOUT_S)
            changed = before.changed(after)
            tried.append(f"{action}: changed {sorted(changed) or 'nothing'}")
            if changed:
                result.used_other_control = True
                result.actions.append(tried[-1])
                return True
    if tried:
        result.failures.append("no other control changed the app: " + "; ".join(tried))
    return False


def click_decision(app: Locator) -> tuple[str, Snapshot, Snapshot]:
    """Click the first visible decision button (accept / ask / decline); return label and states."""
    buttons = visible_items(app.locator("button"))
    decisions = [b for b in buttons if DECISION_WORDS.search(b.inner_text() or "")]
    if not decisions:
        labels = [b.inner_text() for b in buttons]
        raise AssertionError(f"no decision button (accept / ask / decline) among {labels}")
    button = decisions[0]
    label = button.inner_text().strip()
    before = wait_until_still(app)
    button.click()
    after = wait_for(app, before, lambda parts: "numbers" in parts, CONTROL_TIMEOUT_S)
    return label, before, after
