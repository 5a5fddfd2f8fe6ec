"""End-to-end tests of the guide in a real browser (JupyterLab and Voilà).

A package (this file) so that ``tests/e2e/conftest.py`` is imported as ``e2e.conftest`` and
does not shadow ``tests/conftest.py``, which other tests import as ``conftest``.
"""
