"""Without Chromium the browser tests skip with a reason, or fail when REQUIRE_E2E=1."""

from __future__ import annotations

import pytest

from .conftest import chromium_or_skip, find_chromium


def test_explicit_browser_is_the_only_one_tried(monkeypatch, tmp_path):
    monkeypatch.setenv("E2E_CHROMIUM", str(tmp_path / "no-such-browser"))
    assert find_chromium() is None


def test_missing_browser_skips_with_the_fix(monkeypatch, tmp_path):
    monkeypatch.setenv("E2E_CHROMIUM", str(tmp_path / "no-such-browser"))
    monkeypatch.delenv("REQUIRE_E2E", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        chromium_or_skip()


def test_missing_browser_fails_when_required(monkeypatch, tmp_path):
    monkeypatch.setenv("E2E_CHROMIUM", str(tmp_path / "no-such-browser"))
    monkeypatch.setenv("REQUIRE_E2E", "1")
    with pytest.raises(pytest.fail.Exception, match="REQUIRE_E2E=1"):
        chromium_or_skip()


def test_explicit_browser_is_used(monkeypatch, tmp_path):
    browser = tmp_path / "chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    monkeypatch.setenv("E2E_CHROMIUM", str(browser))
    assert chromium_or_skip() == str(browser)
