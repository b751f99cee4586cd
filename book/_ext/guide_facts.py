"""Facts about the guide for its readers, typed once in ``_config.yml`` and read everywhere.

- ``repository: url`` (Jupyter Book's own key) gives the link to report a mistake (its issue
  tracker) and the link to the README, for steps only a contributor needs;
- ``guide_reviewed`` and ``guide_next_review`` (``YYYY-MM``) say when the content was last
  reviewed and when its next review is due.

Pages use them as MyST substitutions: ``{{ feedback_link }}``, ``{{ readme_link }}``,
``{{ reviewed }}``, ``{{ next_review }}``, ``{{ authors }}``; the footer of every page shows the
review dates and the feedback link.
"""
from __future__ import annotations

import calendar
import re
from urllib.parse import urlparse

from sphinx.errors import ConfigError

_MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_words(value, name: str) -> str:
    """``2026-12`` as "December 2026"; the error names the setting and the bad value."""
    match = _MONTH.fullmatch(str(value))
    if not match or not 1 <= int(match[2]) <= 12:
        raise ConfigError(f"{name}: {value!r} is not a month written YYYY-MM (for example 2026-12)")
    return f"{calendar.month_name[int(match[2])]} {match[1]}"


def facts(config) -> dict[str, str]:
    """The guide's facts from the Sphinx config: review months in words, feedback and README addresses."""
    options = config.html_theme_options or {}
    repository = options.get("repository_url", "")
    if urlparse(repository).scheme != "https":
        raise ConfigError(f"repository: url: {repository!r} must be the https address of the guide's repository")
    if not config.guide_reviewed or not config.guide_next_review:
        raise ConfigError("set guide_reviewed and guide_next_review (YYYY-MM) under sphinx: config: in _config.yml")
    if str(config.guide_next_review) <= str(config.guide_reviewed):
        raise ConfigError(f"guide_next_review {config.guide_next_review!r} must come after guide_reviewed"
                          f" {config.guide_reviewed!r}")
    repository = repository.rstrip("/")
    return {
        "reviewed": month_words(config.guide_reviewed, "guide_reviewed"),
        "next_review": month_words(config.guide_next_review, "guide_next_review"),
        "feedback_url": f"{repository}/issues",
        "readme_url": f"{repository}/blob/{options.get('repository_branch') or 'main'}/README.md",
        "authors": config.author,
    }


def _add_facts(app, config):
    known = facts(config)
    config.myst_substitutions = {
        **(config.myst_substitutions or {}),
        "reviewed": known["reviewed"],
        "next_review": known["next_review"],
        "authors": known["authors"],
        "feedback_link": f"[the guide's issue tracker]({known['feedback_url']})",
        "readme_link": f"[the guide's README]({known['readme_url']})",
    }
    options = dict(config.html_theme_options)
    options["extra_footer"] = (
        f"{options.get('extra_footer', '')}<p class=\"be-review\">Last reviewed {known['reviewed']};"
        f" next review due {known['next_review']}. Found a mistake?"
        f" <a href=\"{known['feedback_url']}\">Tell us on the guide's issue tracker</a>.</p>")
    config.html_theme_options = options


def setup(app):
    app.add_config_value("guide_reviewed", "", "env", [str])
    app.add_config_value("guide_next_review", "", "env", [str])
    app.connect("config-inited", _add_facts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
