"""Helpers for tests that use the guide as a finger does on a phone: the site menu (☰) and "on this page"."""
PHONE = {"viewport": {"width": 360, "height": 640}, "has_touch": True, "is_mobile": True}
PANELS = {  # a panel's button (the visible one is tapped) and the dialog it opens
    "menu": (".primary-toggle", "#pst-primary-sidebar-modal"),
    "contents": (".secondary-toggle", "#pst-secondary-sidebar-modal"),
}


def panel_link(page, panel: str, text: str):
    """Tap the visible button of ``panel`` ("menu" or "contents") and return its link that reads ``text``, shown."""
    button, dialog = PANELS[panel]
    page.locator(f"{button}:visible").tap()
    link = page.locator(f"{dialog} a", has_text=text).first
    link.wait_for(state="visible")
    return link


def wait_closed(page, panel: str) -> None:
    page.wait_for_function("s => !document.querySelector(s).open", arg=PANELS[panel][1])
