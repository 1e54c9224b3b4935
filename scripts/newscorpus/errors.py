"""Errors that carry their location as data, so the CLI can print them without a traceback.

Every error names the file, the place inside it (a JSON pointer, ``line N`` or ``byte N``)
and what is wrong; ``str(error)`` renders ``file: place: message``.
"""

from __future__ import annotations

from dataclasses import dataclass


class NewscorpusError(Exception):
    """Base class: anything the CLI turns into ``Error: ...`` and a non-zero exit."""

    def __init__(self, message: str, file: str | None = None, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.where = where

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.where) if p]
        return ": ".join([*parts, self.message])


class InputError(NewscorpusError):
    """An input file is missing, empty, undecodable or malformed."""


class RuleError(NewscorpusError):
    """The cleaning rules file is malformed (unknown kind, bad regex, duplicate id)."""


class StaleError(NewscorpusError):
    """A derived artefact no longer matches what it was made from."""


@dataclass(frozen=True)
class Problem:
    """One validation finding: where it is and what is wrong (jsonschema-style, as data)."""

    file: str
    pointer: str
    message: str
    check: str

    def __str__(self) -> str:
        return ": ".join(part for part in (self.file, self.pointer, self.message) if part)

    def as_dict(self) -> dict:
        return {"file": self.file, "pointer": self.pointer, "message": self.message, "check": self.check}


class ValidationFailed(NewscorpusError):
    """Raised by stages that refuse to run on invalid annotations; carries every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        head = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} validation problem(s):\n{head}{more}")
