"""A scenario's references (the guidance and policies it draws on), worded the same in every front end."""

from __future__ import annotations


def reference(ref) -> str:
    """'HCPC guidance on social media (HCPC, 2017). Read with the BASW policy. https://…'"""
    who = ", ".join(str(x) for x in (ref.author, ref.year) if x)
    words = f"{ref.title.strip()} ({who})" if who else ref.title.strip()
    if ref.note:
        words += f". {' '.join(ref.note.split())}"
    return f"{words}. {ref.url}" if ref.url else words
