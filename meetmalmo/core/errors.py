"""The one exception a service raises when the portal's rules do not allow a change."""


class Refused(Exception):
    """A change that is not allowed or not possible. The message is for the person who tried
    it, in the page's language; `field` names the form field it concerns, where there is one,
    so that a page can show it beside that field."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
