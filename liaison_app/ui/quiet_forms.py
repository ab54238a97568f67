"""A FormDialog that does not greet the officer with red text: a required field left empty says so
only once it has been touched (or Save was tried), while Save stays disabled all along."""
from __future__ import annotations

from liaison_app.ui.forms import FormDialog


class QuietFormDialog(FormDialog):
    def __init__(self, title: str, parent=None) -> None:
        super().__init__(title, parent)
        self.touched: set[str] = set()
        self.field_changed.connect(self.touched.add)

    def required(self, errors: dict[str, str], name: str, message: str) -> None:
        """Record that `name` is missing; the message shows once the field was touched."""
        errors[name] = message if name in self.touched else ""

    def try_save(self) -> bool:
        self.touched.update(self.fields)
        self.refresh_validation()
        return super().try_save()
