"""The desktop app: PySide6 windows, pages, dialogs and table models. Talks to services (and printing);
pages, record tabs and officer dialogs are listed in ui/pages.py and ui/record_tabs.py by plain import."""
